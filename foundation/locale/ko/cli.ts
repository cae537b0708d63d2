<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>words</name>
    <message numerus="yes">
        <location filename="../../../playlists/words.py"/>
        <source>%n people</source>
        <translation>
            <numerusform>%n명</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>a group of adults</source>
        <translation>성인 일행</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>a group of minors</source>
        <translation>미성년자 일행</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>adults</source>
        <translation>성인</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>adults (about 30-49)</source>
        <translation>성인 (약 30-49세)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>an adult with a child</source>
        <translation>아이와 함께 온 성인</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>business suit</source>
        <translation>정장</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>casual clothes</source>
        <translation>평상복</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>children</source>
        <translation>어린이</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>children (about 0-12)</source>
        <translation>어린이 (약 0-12세)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>clothes not recognised</source>
        <translation>알 수 없는 복장</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>everyone</source>
        <translation>모든 방문객</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>female {who}</source>
        <translation>여성 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>male {who}</source>
        <translation>남성 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>middle-aged people</source>
        <translation>중장년</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>middle-aged people (about 50-64)</source>
        <translation>중장년 (약 50-64세)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>on their own</source>
        <translation>혼자</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>school uniform</source>
        <translation>교복</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>seniors</source>
        <translation>어르신</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>seniors (about 65 and over)</source>
        <translation>어르신 (약 65세 이상)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>teens</source>
        <translation>청소년</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>teens (about 13-19)</source>
        <translation>청소년 (약 13-19세)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>visitors</source>
        <translation>방문객</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>workwear</source>
        <translation>작업복</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>young adults</source>
        <translation>청년</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>young adults (about 20-29)</source>
        <translation>청년 (약 20-29세)</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in a group of adults</source>
        <translation>성인 일행과 온 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in a group of minors</source>
        <translation>미성년자끼리 온 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in business suits</source>
        <translation>정장 차림의 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in casual clothes</source>
        <translation>평상복 차림의 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in school uniform</source>
        <translation>교복 차림의 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} in workwear</source>
        <translation>작업복 차림의 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} on their own</source>
        <translation>혼자 온 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{who} with a child</source>
        <translation>아이와 함께 온 {who}</translation>
    </message>
</context>
</TS>
