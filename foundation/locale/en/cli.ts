<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>words</name>
    <message numerus="yes">
        <location filename="../../../playlists/words.py"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n person</numerusform>
            <numerusform>%n people</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>a group of adults</source>
        <translation>a group of adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>a group of minors</source>
        <translation>a group of minors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>adults</source>
        <translation>adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>adults (about 30-49)</source>
        <translation>adults (about 30-49)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>an adult with a child</source>
        <translation>an adult with a child</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>business suit</source>
        <translation>business suit</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>casual clothes</source>
        <translation>casual clothes</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>children</source>
        <translation>children</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>children (about 0-12)</source>
        <translation>children (about 0-12)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>clothes not recognised</source>
        <translation>clothes not recognised</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>everyone</source>
        <translation>everyone</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>female {who}</source>
        <translation>female {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>male {who}</source>
        <translation>male {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>middle-aged people</source>
        <translation>middle-aged people</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>middle-aged people (about 50-64)</source>
        <translation>middle-aged people (about 50-64)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>on their own</source>
        <translation>on their own</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>school uniform</source>
        <translation>school uniform</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>seniors</source>
        <translation>seniors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>seniors (about 65 and over)</source>
        <translation>seniors (about 65 and over)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>teens</source>
        <translation>teens</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>teens (about 13-19)</source>
        <translation>teens (about 13-19)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>visitors</source>
        <translation>visitors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>workwear</source>
        <translation>workwear</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>young adults</source>
        <translation>young adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>young adults (about 20-29)</source>
        <translation>young adults (about 20-29)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in a group of adults</source>
        <translation>{who} in a group of adults</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in a group of minors</source>
        <translation>{who} in a group of minors</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in business suits</source>
        <translation>{who} in business suits</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in casual clothes</source>
        <translation>{who} in casual clothes</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in school uniform</source>
        <translation>{who} in school uniform</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in workwear</source>
        <translation>{who} in workwear</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} on their own</source>
        <translation>{who} on their own</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} with a child</source>
        <translation>{who} with a child</translation>
    </message>
</context>
</TS>
