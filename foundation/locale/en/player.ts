<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>player</name>
    <message>
        <location filename="../../../signage/player/settings.py"/>
        <source>Welcome</source>
        <translation>Welcome</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: %n faces ({width}x{height})</source>
        <translation>
            <numerusform>aim: %n face ({width}x{height})</numerusform>
            <numerusform>aim: %n faces ({width}x{height})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: no camera frame yet</source>
        <translation>aim: no camera frame yet</translation>
    </message>
    <message>
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: the camera has no signal</source>
        <translation>aim: the camera has no signal</translation>
    </message>
    <message>
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: {signal}</source>
        <translation>aim: {signal}</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>camera: off (time-only rules)</source>
        <translation>camera: off (time-only rules)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/player/app.py"/>
        <source>camera: {state} ({detail}), engine {fps} fps, %n frames dropped</source>
        <translation>
            <numerusform>camera: {state} ({detail}), engine {fps} fps, %n frame dropped</numerusform>
            <numerusform>camera: {state} ({detail}), engine {fps} fps, %n frames dropped</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>database: {state}</source>
        <translation>database: {state}</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>no signal</source>
        <translation>no signal</translation>
    </message>
    <message>
        <location filename="../../../signage/player/window.py"/>
        <source>screen: {fps} new frames/s</source>
        <translation>screen: {fps} new frames/s</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>starting</source>
        <translation>starting</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>working</source>
        <translation>working</translation>
    </message>
    <message>
        <location filename="../../../signage/player/audience_worker.py"/>
        <source>{age}, {attire}</source>
        <translation>{age}, {attire}</translation>
    </message>
</context>
</TS>
