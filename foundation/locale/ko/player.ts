<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>player</name>
    <message>
        <location filename="../../../signage/player/settings.py"/>
        <source>Welcome</source>
        <translation>어서 오세요</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: %n faces ({width}x{height})</source>
        <translation>
            <numerusform>조준: 얼굴 %n개 ({width}x{height})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: no camera frame yet</source>
        <translation>조준: 아직 카메라 화면이 없습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: the camera has no signal</source>
        <translation>조준: 카메라 신호가 없습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/player/aim.py"/>
        <source>aim: {signal}</source>
        <translation>조준: {signal}</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>camera: off (time-only rules)</source>
        <translation>카메라: 꺼짐(시간만 쓰는 규칙)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/player/app.py"/>
        <source>camera: {state} ({detail}), engine {fps} fps, %n frames dropped</source>
        <translation>
            <numerusform>카메라: {state} ({detail}), 분석 {fps} fps, 버린 프레임 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>database: {state}</source>
        <translation>데이터베이스: {state}</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>no signal</source>
        <translation>신호 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/player/window.py"/>
        <source>screen: {fps} new frames/s</source>
        <translation>화면: 초당 새 프레임 {fps}개</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>starting</source>
        <translation>시작 중</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>stopped</source>
        <translation>멈춤</translation>
    </message>
    <message>
        <location filename="../../../signage/player/app.py"/>
        <source>working</source>
        <translation>작동 중</translation>
    </message>
    <message>
        <location filename="../../../signage/player/audience_worker.py"/>
        <source>{age}, {attire}</source>
        <translation>{age}, {attire}</translation>
    </message>
</context>
</TS>
