<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>audience</name>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>no camera signal</source>
        <translation>카메라 신호 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>nobody</source>
        <translation>아무도 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>{people} ({segment}, confidence {confidence})</source>
        <translation>{people} ({segment}, 신뢰도 {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>{people} of unknown age (confidence {confidence})</source>
        <translation>{people}, 연령 알 수 없음 (신뢰도 {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/proof_of_play.py"/>
        <source>{people}, mostly {segment} (confidence {confidence})</source>
        <translation>{people}, 주로 {segment} (신뢰도 {confidence})</translation>
    </message>
</context>
<context>
    <name>cli.report</name>
    <message numerus="yes">
        <location filename="../../../signage/cli_report.py"/>
        <source>%n plays</source>
        <translation>
            <numerusform>재생 %n회</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>(all)</source>
        <translation>(전체)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>(default)</source>
        <translation>(기본)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>ATTENTION_S/OPP</source>
        <translation>주목(초)/기회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>AUDIENCE</source>
        <translation>시청자</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>DWELL_S/OPP</source>
        <translation>체류(초)/기회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>ITEM</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>MEASURED</source>
        <translation>측정됨</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>OPPORTUNITIES</source>
        <translation>노출 기회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>OUTCOME</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>PLAYLIST</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>PLAYS</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>RULE</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>SHOWN_S</source>
        <translation>표시(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>START</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>VIEWERS</source>
        <translation>시청자</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>VIEWER_SHARE</source>
        <translation>시청 비율</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>before {end}</source>
        <translation>{end} 이전</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>from {start}</source>
        <translation>{start}부터</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>from {start} to {end}</source>
        <translation>{start}부터 {end}까지</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>in the log</source>
        <translation>기록 전체에서</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>interrupted</source>
        <translation>중단됨</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>on screen</source>
        <translation>화면에 표시 중</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>played</source>
        <translation>재생 완료</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>unfinished</source>
        <translation>끝나지 않음</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} failed</source>
        <translation>실패 {count}회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} interrupted</source>
        <translation>중단 {count}회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} on screen</source>
        <translation>화면에 표시 중 {count}회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} played</source>
        <translation>재생 완료 {count}회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{count} unfinished</source>
        <translation>끝나지 않음 {count}회</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_report.py"/>
        <source>{total}: {outcomes}</source>
        <translation>{total}: {outcomes}</translation>
    </message>
</context>
<context>
    <name>cli.rules</name>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n baskets</source>
        <translation>
            <numerusform>장바구니 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n categories</source>
        <translation>
            <numerusform>카테고리 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n findings</source>
        <translation>
            <numerusform>발견 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_rules.py"/>
        <source>%n items</source>
        <translation>
            <numerusform>항목 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_simulate.py"/>
        <source>%n playlists</source>
        <translation>
            <numerusform>재생 목록 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_simulate.py"/>
        <source>%n rules</source>
        <translation>
            <numerusform>규칙 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_learn.py"/>
        <source>%n suggested rules:</source>
        <translation>
            <numerusform>제안된 규칙 %n개:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/cli_rules.py"/>
        <source>%n suggestions wait for a decision: `signage rules suggestions`.</source>
        <translation>
            <numerusform>제안 %n개가 결정을 기다리고 있습니다: `signage rules suggestions`.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>(A new database: the sample content and the seed rules were added to {path}.)</source>
        <translation>(새 데이터베이스: {path}에 샘플 콘텐츠와 기본 규칙을 추가했습니다.)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>(not suggested: {problem})</source>
        <translation>(제안되지 않음: {problem})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>--dry-run: no rule changed.</source>
        <translation>--dry-run: 규칙을 바꾸지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Accepted {name}: it is switched on and plays when it matches.</source>
        <translation>{name}을(를) 수락했습니다: 규칙이 켜졌으며 조건이 맞으면 재생됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>At {day} {date} {time}</source>
        <translation>{date} ({day}) {time} 기준</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>CONDITIONS</source>
        <translation>조건</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>ENABLED</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>NAME</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>No learned rules yet: run `signage rules learn`.</source>
        <translation>아직 학습된 규칙이 없습니다: `signage rules learn`을 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>No rules yet: `signage rules add --help` or `signage rules import FILE`.</source>
        <translation>아직 규칙이 없습니다: `signage rules add --help` 또는 `signage rules import FILE`을 참고합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>Nothing seeded: the database already has a history of rules and playlists (`signage rules import` a copy of playlists/seed.py's rules to start again).</source>
        <translation>추가하지 않았습니다: 데이터베이스에 이미 규칙과 재생 목록의 이력이 있습니다(처음부터 다시 하려면 playlists/seed.py 규칙의 사본을 `signage rules import`로 가져옵니다).</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>ORIGIN</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>PLAYLIST</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>PRIORITY</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Rejected {name}: deleted, and re-learning will not suggest it again.</source>
        <translation>{name}을(를) 거절했습니다: 삭제되었으며 다시 학습해도 제안되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Review them with `signage rules suggestions`, then `signage rules accept NAME` or `reject NAME`.</source>
        <translation>`signage rules suggestions`로 검토한 뒤 `signage rules accept NAME` 또는 `reject NAME`을 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>Rules: {added} added (switched off), {updated} updated, {kept} kept as the marketer left them, {rejected} rejected before, {stale} stale suggestions removed.</source>
        <translation>규칙: {added}개 추가(꺼진 상태), {updated}개 갱신, {kept}개는 마케터가 둔 그대로 유지, {rejected}개는 이전에 거절됨, 오래된 제안 {stale}개 삭제.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_simulate.py"/>
        <source>Seeded: {rules}, {playlists}.</source>
        <translation>기본 데이터를 추가했습니다: {rules}, {playlists}.</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>by hand</source>
        <translation>직접 작성</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>default playlist: {name}</source>
        <translation>기본 재생 목록: {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>default playlist: {name} (was {before})</source>
        <translation>기본 재생 목록: {name} (이전: {before})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>learned</source>
        <translation>학습됨</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>learned, edited</source>
        <translation>학습 후 수정됨</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} changed (version {version})</source>
        <translation>재생 목록 {name}을(를) 바꿨습니다(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} created (version {version}, {items})</source>
        <translation>재생 목록 {name}을(를) 만들었습니다(버전 {version}, {items})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} deleted (version {version}; `signage playlists restore {plain} {previous}` brings it back)</source>
        <translation>재생 목록 {name}을(를) 삭제했습니다(버전 {version}, `signage playlists restore {plain} {previous}`로 되돌릴 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>playlist {name} unchanged (version {version})</source>
        <translation>재생 목록 {name}은(는) 바뀌지 않았습니다(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} already disabled (version {version})</source>
        <translation>규칙 {name}은(는) 이미 꺼져 있습니다(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} already enabled (version {version})</source>
        <translation>규칙 {name}은(는) 이미 켜져 있습니다(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} changed (version {version}): {conditions} -&gt; {playlist}</source>
        <translation>규칙 {name}을(를) 바꿨습니다(버전 {version}): {conditions} -&gt; {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} changed (version {version}): {conditions} -&gt; {playlist}; origin is now {origin}</source>
        <translation>규칙 {name}을(를) 바꿨습니다(버전 {version}): {conditions} -&gt; {playlist}, 출처는 이제 {origin}입니다</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} created (version {version}): {conditions} -&gt; {playlist}</source>
        <translation>규칙 {name}을(를) 만들었습니다(버전 {version}): {conditions} -&gt; {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} deleted (version {version}; `signage rules restore {plain} {previous}` brings it back)</source>
        <translation>규칙 {name}을(를) 삭제했습니다(버전 {version}, `signage rules restore {plain} {previous}`로 되돌릴 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} disabled (version {version})</source>
        <translation>규칙 {name}을(를) 껐습니다(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} enabled (version {version})</source>
        <translation>규칙 {name}을(를) 켰습니다(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>rule {name} unchanged (version {version})</source>
        <translation>규칙 {name}은(는) 바뀌지 않았습니다(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_rules.py"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{baskets}, {categories}</source>
        <translation>{baskets}, {categories}</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{findings} (lift at least {lift}, lower 95% bound above 1, at least {baskets} baskets in the context); the strongest:</source>
        <translation>{findings}(향상도 {lift} 이상, 95% 하한 1 초과, 해당 상황의 장바구니 {baskets}개 이상). 가장 강한 발견:</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{measured} (randomised holdout, {category})</source>
        <translation>{measured} (무작위 홀드아웃, {category})</translation>
    </message>
    <message>
        <location filename="../../../signage/cli_learn.py"/>
        <source>{sentence}  [{category}: support {support}, confidence {confidence}, lift {lift} (at least {lower})]</source>
        <translation>{sentence}  [{category}: 지지도 {support}, 신뢰도 {confidence}, 향상도 {lift} (최소 {lower})]</translation>
    </message>
</context>
<context>
    <name>decision</name>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>(nothing)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Audience: {audience}</source>
        <translation>시청자: {audience}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Audience: {audience}; company: {company}</source>
        <translation>시청자: {audience}, 일행: {company}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Fri</source>
        <translation>금</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Holdout control for rule {rule}, which would have played {playlist}: {reason}</source>
        <translation>{rule} 규칙의 홀드아웃 대조군입니다(원래는 {playlist} 재생): {reason}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Holdout: the control arm for rule {rule}; the targeted arm would have shown {playlist}.</source>
        <translation>홀드아웃: {rule} 규칙의 대조군입니다. 타기팅군이었다면 {playlist}을(를) 보여 주었을 것입니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Holdout: the targeted arm for rule {rule}; the control arm would have shown {playlist}.</source>
        <translation>홀드아웃: {rule} 규칙의 타기팅군입니다. 대조군이었다면 {playlist}을(를) 보여 주었을 것입니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Items: none</source>
        <translation>항목: 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Items: {items}</source>
        <translation>항목: {items}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Minors guardrail: held back {items} because {reason}.</source>
        <translation>미성년자 보호: {items}을(를) 보류했습니다(사유: {reason}).</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Mon</source>
        <translation>월</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Nothing is playable: no rule matched and the default playlist has no playable item.</source>
        <translation>재생할 수 있는 것이 없습니다: 맞는 규칙이 없고 기본 재생 목록에도 재생할 수 있는 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Other rules:</source>
        <translation>다른 규칙:</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Plays: {playlist}</source>
        <translation>재생: {playlist}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Rule {rule} (priority {priority}) applies on {day} {time}: {conditions}.</source>
        <translation>{rule} 규칙(우선순위 {priority})이 {day}요일 {time}에 적용됩니다: {conditions}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Rule {rule} (priority {priority}) matched {audience} on {day} {time}: {conditions}.</source>
        <translation>{rule} 규칙(우선순위 {priority})이 {day}요일 {time}에 {audience}에 맞았습니다: {conditions}.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Sat</source>
        <translation>토</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Sun</source>
        <translation>일</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The audience is uncertain (confidence {confidence}, below {minimum}): only rules without audience conditions could match.</source>
        <translation>시청자가 불확실합니다(신뢰도 {confidence}, 기준 {minimum} 미만): 시청자 조건이 없는 규칙만 적용될 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The camera has no signal: only rules without audience conditions could match.</source>
        <translation>카메라 신호가 없습니다: 시청자 조건이 없는 규칙만 적용될 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The default playlist {playlist} plays: every rule is switched off.</source>
        <translation>기본 재생 목록 {playlist}을(를) 재생합니다: 모든 규칙이 꺼져 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The default playlist {playlist} plays: no rule matched.</source>
        <translation>기본 재생 목록 {playlist}을(를) 재생합니다: 맞는 규칙이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>The default playlist {playlist} plays: there are no rules.</source>
        <translation>기본 재생 목록 {playlist}을(를) 재생합니다: 규칙이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Thu</source>
        <translation>목</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Tue</source>
        <translation>화</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Wed</source>
        <translation>수</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>Why: {reason}</source>
        <translation>이유: {reason}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/decision.py"/>
        <source>already started %n times in the last hour (its maximum)</source>
        <translation>
            <numerusform>최근 한 시간 동안 이미 %n회 시작함(최대 횟수)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>company not known</source>
        <translation>일행 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>everyone, at any time</source>
        <translation>모든 사람, 언제나</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>from {start} to {end}</source>
        <translation>{start}부터 {end}까지</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/decision.py"/>
        <source>groups of %n or more</source>
        <translation>
            <numerusform>%n명 이상의 일행</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>groups of {low} to {high}</source>
        <translation>{low}~{high}명의 일행</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>its playlist {playlist} has nothing playable now</source>
        <translation>재생 목록 {playlist}에 지금 재생할 수 있는 항목이 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>matched, but lost the weighted draw among equal priorities (weight {weight})</source>
        <translation>조건은 맞지만 같은 우선순위끼리의 가중 추첨에서 선택되지 않음(가중치 {weight})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>matches the audience, but this decision is in the holdout's control arm (no targeting)</source>
        <translation>시청자와 맞지만 이번 결정은 홀드아웃 대조군에 속함(타기팅 없음)</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>matches too, but a rule of higher priority won</source>
        <translation>조건은 맞지만 우선순위가 더 높은 규칙이 선택됨</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>needs a known audience, and the audience is uncertain</source>
        <translation>확실한 시청자가 필요하지만 시청자가 불확실함</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>needs someone in front of the screen, and nobody is there</source>
        <translation>화면 앞에 누군가 있어야 하지만 아무도 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>no camera signal</source>
        <translation>카메라 신호 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>no visitor is likely to be a minor</source>
        <translation>미성년자로 보이는 방문자가 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>nobody is there</source>
        <translation>아무도 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>nobody there</source>
        <translation>아무도 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>of unknown age</source>
        <translation>연령 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>resting: cooldown of {seconds} s after its last start</source>
        <translation>쉬는 중: 마지막 시작 후 {seconds}초의 대기 시간</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>runs from {start} to {end}, not on {day}</source>
        <translation>{start}부터 {end}까지 적용되며 {day}에는 적용되지 않음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>runs {days}, not on {day}</source>
        <translation>{days} 적용되며 {day}요일에는 적용되지 않음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>runs {hours}, not at {time}</source>
        <translation>{hours}에 적용되며 {time}에는 적용되지 않음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>someone in the group may be a minor</source>
        <translation>일행 중 미성년자가 있을 수 있음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>switched off</source>
        <translation>꺼져 있음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>targets a gender, and gender targeting is switched off</source>
        <translation>성별을 대상으로 하지만 성별 타기팅이 꺼져 있음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>targets another gender than the audience's</source>
        <translation>시청자와 다른 성별을 대상으로 함</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>the audience is {who}</source>
        <translation>시청자가 {who}임</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>the audience's age is not given</source>
        <translation>시청자의 연령을 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>the camera has no signal</source>
        <translation>카메라 신호가 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>visitor {visitor} may be a minor (probability {probability}, threshold {threshold})</source>
        <translation>방문자 {visitor}이(가) 미성년자일 수 있음(확률 {probability}, 기준 {threshold})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>visitor {visitor}'s age is not known yet</source>
        <translation>방문자 {visitor}의 연령을 아직 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants visitors staying {wanted} s or more; the longest stayed {actual} s</source>
        <translation>{wanted}초 이상 머무는 방문자가 대상이지만 가장 오래 머문 방문자는 {actual}초</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; the audience is {actual}</source>
        <translation>대상은 {wanted}이지만 시청자는 {actual}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; the audience wears {actual}</source>
        <translation>대상은 {wanted}이지만 시청자의 복장은 {actual}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; the audience's clothes are not recognised</source>
        <translation>대상은 {wanted}이지만 시청자의 복장을 알아보지 못함</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>wants {wanted}; {people} there</source>
        <translation>대상은 {wanted}이지만 현재 {people}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{first}, {second}</source>
        <translation>{first}, {second}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{item} ({seconds} s)</source>
        <translation>{item} ({seconds}초)</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{people} ({segment}, confidence {confidence})</source>
        <translation>{people} ({segment}, 신뢰도 {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{people} of unknown age (confidence {confidence})</source>
        <translation>{people}, 연령 알 수 없음 (신뢰도 {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{people}, mostly {segment} (confidence {confidence})</source>
        <translation>{people}, 주로 {segment} (신뢰도 {confidence})</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{rule} (priority {priority}): {why}</source>
        <translation>{rule} (우선순위 {priority}): {why}</translation>
    </message>
    <message>
        <location filename="../../../playlists/decision.py"/>
        <source>{who}, {when}</source>
        <translation>{who}, {when}</translation>
    </message>
</context>
<context>
    <name>learning</name>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>(no finding recorded)</source>
        <translation>(기록된 발견 없음)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}, the playlist with the most ads tagged {tag} ({tagged} of its %n), but your rules play it for {aimed}. A playlist of its own, say {new_name}, would suit {who} better.</source>
        <translation>
            <numerusform>{tag} 태그 광고가 가장 많은 재생 목록 {playlist}을(를) 재생합니다(%n개 중 {tagged}개). 하지만 현재 규칙들은 이 목록을 {aimed}에게 재생합니다. {who}에게는 전용 재생 목록(예: {new_name})이 더 잘 맞습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}, which has no ads tagged {tag}: choose a playlist with {tag} ads.</source>
        <translation>{playlist}을(를) 재생하지만 이 목록에는 {tag} 태그 광고가 없습니다. {tag} 광고가 있는 재생 목록을 선택해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}.</source>
        <translation>{playlist}을(를) 재생합니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}: %n of its {items} ads are tagged {tag}, and your rules already play it for this audience at this time.</source>
        <translation>
            <numerusform>{playlist}을(를) 재생합니다. 광고 {items}개 중 %n개에 {tag} 태그가 있으며, 현재 규칙들도 이 시간에 이 고객층에게 이 목록을 재생합니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>Plays {playlist}: %n of its {items} ads are tagged {tag}; no rule of yours plays it yet.</source>
        <translation>
            <numerusform>{playlist}을(를) 재생합니다. 광고 {items}개 중 %n개에 {tag} 태그가 있으며, 아직 이 목록을 재생하는 규칙은 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>When learned: {finding}. Since edited: it plays {playlist} for {who}, {when}.</source>
        <translation>학습 당시: {finding}. 편집 후: {who}에게 {when} {playlist}을(를) 재생합니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>accepted, edited by a marketer</source>
        <translation>수락됨, 마케터가 편집함</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at any time</source>
        <translation>언제나</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at lunchtime at weekends, {hours}</source>
        <translation>주말 점심시간 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at lunchtime on weekdays, {hours}</source>
        <translation>평일 점심시간 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>at weekends</source>
        <translation>주말</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>counted only for any age</source>
        <translation>'모든 연령'에만 집계</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>every day, {hours}</source>
        <translation>매일 {hours}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>measured {effect} ({low} to {high}) over %n days</source>
        <translation>
            <numerusform>%n일 동안 측정한 효과 {effect}({low}~{high})</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>no playlist has content tagged '{tag}'</source>
        <translation>'{tag}' 태그 콘텐츠가 있는 재생 목록이 없습니다</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>not suggested to minors: content tagged '{tag}' is age-restricted</source>
        <translation>미성년자에게는 제안하지 않음: '{tag}' 태그 콘텐츠는 연령 제한이 있습니다</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday afternoons, {hours}</source>
        <translation>평일 오후 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday early mornings, {hours}</source>
        <translation>평일 이른 아침 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday evenings, {hours}</source>
        <translation>평일 저녁 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday mornings, {hours}</source>
        <translation>평일 오전 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekday nights, {hours}</source>
        <translation>평일 밤 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekdays</source>
        <translation>평일</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend afternoons, {hours}</source>
        <translation>주말 오후 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend early mornings, {hours}</source>
        <translation>주말 이른 아침 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend evenings, {hours}</source>
        <translation>주말 저녁 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend mornings, {hours}</source>
        <translation>주말 오전 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on weekend nights, {hours}</source>
        <translation>주말 밤 {hours}에</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>on {days}</source>
        <translation>{days}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>purchase age band -&gt; audience age groups (share of the band's years), baskets</source>
        <translation>구매 데이터 연령대 -&gt; 고객 연령대(구간 내 나이 비율), 장바구니</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>shoppers of the segment {segment}</source>
        <translation>{segment} 세그먼트 고객</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>suggested</source>
        <translation>제안됨</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>suggested, edited by a marketer</source>
        <translation>제안됨, 마케터가 편집함</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>support {support}, confidence {confidence}, lift {lift} (lower 95% bound {lower}), {baskets} baskets</source>
        <translation>
            <numerusform>지지도 {support}, 신뢰도 {confidence}, 향상도 {lift}(95% 하한 {lower}), 장바구니 {baskets}개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>the camera cannot see this segment (no attire assumption for it)</source>
        <translation>카메라로는 이 세그먼트를 알아볼 수 없습니다(이 세그먼트에 대한 복장 가정이 없음)</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>what playlist {playlist} shows</source>
        <translation>재생 목록 {playlist}의 상품</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{days}, {hours}</source>
        <translation>{days} {hours}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who} ({rule})</source>
        <translation>{who}({rule})</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure)</source>
        <translation>{when} {who}은(는) 전체 고객보다 {what}을(를) {lift}배 자주 구매합니다(95% 확신으로 최소 {lower}배)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/learning.py"/>
        <source>{who} buy {what} {lift} times as often as shoppers overall {when} (at least {lower} times, 95 % sure), in {baskets} baskets</source>
        <translation>
            <numerusform>{when} {who}은(는) 전체 고객보다 {what}을(를) {lift}배 자주 구매합니다(95% 확신으로 최소 {lower}배, 장바구니 {baskets}개 기준)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who} in {attire}</source>
        <translation>{attire} 차림의 {who}</translation>
    </message>
    <message>
        <location filename="../../../playlists/learning.py"/>
        <source>{who}: {company}</source>
        <translation>{who}: {company}</translation>
    </message>
</context>
<context>
    <name>player</name>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>(nothing)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>audience: no snapshot yet</source>
        <translation>관객: 아직 관측 없음</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>audience: {audience}</source>
        <translation>관객: {audience}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>decision: {playlist} - {reason}</source>
        <translation>결정: {playlist} - {reason}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>minors guardrail withheld: {items}</source>
        <translation>미성년자 보호로 보류됨: {items}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>next: {playlist} ({reason})</source>
        <translation>다음: {playlist}({reason})</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>playing: the built-in slide {item}</source>
        <translation>재생 중: 기본 제공 슬라이드 {item}</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>playing: {playlist} / {item} (rule {rule})</source>
        <translation>재생 중: {playlist} / {item}(규칙 {rule})</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>playing: {playlist} / {item} (the default playlist)</source>
        <translation>재생 중: {playlist} / {item}(기본 재생목록)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/playback.py"/>
        <source>rules revision {revision}, %n rules</source>
        <translation>
            <numerusform>규칙 개정 {revision}, 규칙 %n개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>the playlist's playable items changed</source>
        <translation>재생목록의 재생 가능한 항목이 바뀌었습니다</translation>
    </message>
    <message>
        <location filename="../../../playlists/playback.py"/>
        <source>waits for the current item to end (equal or lower priority)</source>
        <translation>현재 항목이 끝나기를 기다립니다(같거나 낮은 우선순위)</translation>
    </message>
</context>
<context>
    <name>player.samples</name>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>2 bags for $3</source>
        <translation>2봉지에 3,000원</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>6-pack $9.99 - ID required</source>
        <translation>6캔 9,990원 - 신분증 확인</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Any can $1.99</source>
        <translation>모든 캔 1,990원</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Bento Box</source>
        <translation>도시락</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Business Headlines</source>
        <translation>경제 헤드라인</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Calm and healthy</source>
        <translation>차분하고 건강하게</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Candy Time</source>
        <translation>사탕 타임</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Corner Store</source>
        <translation>동네 편의점</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Craft Beer</source>
        <translation>수제 맥주</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Crunchy Chips</source>
        <translation>바삭한 감자칩</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Energy Boost</source>
        <translation>에너지 충전</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Fresh brewed $1.50</source>
        <translation>갓 내린 커피 1,500원</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Fresh picks every day</source>
        <translation>매일 새로 들어오는 상품</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Green Tea</source>
        <translation>녹차</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Hot Coffee</source>
        <translation>따뜻한 커피</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Indices at a glance (sample data)</source>
        <translation>주요 지수 한눈에 보기(예시 데이터)</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Lunch Deals</source>
        <translation>점심 특가</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Markets Today</source>
        <translation>오늘의 시장</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Open 6 am to midnight</source>
        <translation>오전 6시부터 자정까지 영업</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Ready meals from $6</source>
        <translation>간편식 6,000원부터</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Sample headlines: connect a news feed to show live business news here.</source>
        <translation>예시 헤드라인입니다. 뉴스 피드를 연결하면 실시간 경제 뉴스가 여기에 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Sandwich + drink $5</source>
        <translation>샌드위치 + 음료 5,000원</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Sweet deals after school</source>
        <translation>방과 후 달콤한 할인</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>Welcome!</source>
        <translation>어서 오세요!</translation>
    </message>
    <message>
        <location filename="../../../content/samples.py"/>
        <source>signage sample content</source>
        <translation>signage 예시 콘텐츠</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message numerus="yes">
        <location filename="../../../playlists/reports.py"/>
        <source>%n opportunities</source>
        <translation>
            <numerusform>노출 기회 %n회</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/reports.py"/>
        <source>%n plays</source>
        <translation>
            <numerusform>재생 %n회</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/reports.py"/>
        <source>%n viewers</source>
        <translation>
            <numerusform>시청자 %n명</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>No measured plays {period}: {plays}, none of them with audience snapshots (attention is measured only while the audience camera runs).</source>
        <translation>{period} 측정된 재생이 없습니다: {plays} 모두 시청자 스냅샷이 없습니다(주목도는 시청자 카메라가 작동하는 동안에만 측정됩니다).</translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>No plays {period}.</source>
        <translation>{period} 재생이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>{measured} of {plays} {period} measured: {opportunities} to see, {viewers}{share}; per opportunity {attention} of attention and {dwell} of dwell.</source>
        <translation>{period} {plays} 중 {measured}회를 측정했습니다: {opportunities}, {viewers}{share}. 노출 기회당 주목 {attention}, 체류 {dwell}입니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/reports.py"/>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
</context>
<context>
    <name>uplift</name>
    <message numerus="yes">
        <location filename="../../../playlists/uplift.py"/>
        <source>%n days</source>
        <translation>
            <numerusform>%n일</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>ARM</source>
        <translation>군</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>CATEGORY</source>
        <translation>카테고리</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>EFFECT (95%)</source>
        <translation>효과(95%)</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>EXPOSURES</source>
        <translation>노출</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>RATE</source>
        <translation>비율</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>RECEIPTS</source>
        <translation>영수증</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>RULE</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>Uplift of targeting {period}: receipts within {minutes} minutes after a holdout exposure, targeted ad against the control.</source>
        <translation>타기팅 효과({period}): 홀드아웃 노출 후 {minutes}분 이내의 영수증을 타기팅 광고와 대조군으로 비교합니다.</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>WITH CATEGORY</source>
        <translation>카테고리 포함</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>before {end}</source>
        <translation>{end} 이전</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>between {start} and {end}</source>
        <translation>{start}부터 {end}까지</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>control</source>
        <translation>대조</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>from {start}</source>
        <translation>{start}부터</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>in the whole log</source>
        <translation>기록 전체</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>targeted</source>
        <translation>타기팅</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{category} (not advertised by this rule)</source>
        <translation>{category} (이 규칙이 광고하지 않음)</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{effect} ({low} to {high})</source>
        <translation>{effect} ({low} ~ {high})</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{exposures} exposures, {receipts} receipts read, {attributed} of them within the window of an exposure</source>
        <translation>노출 {exposures}회, 읽은 영수증 {receipts}장, 그중 노출 후 집계 시간 안의 영수증 {attributed}장</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{head} bought in {targeted} of receipts within {minutes} minutes after the targeted ad, {control} after the control; {effect} ({low} to {high}), {days}</source>
        <translation>{head}: 타기팅 광고 후 {minutes}분 이내 영수증의 {targeted}에서 구매, 대조군 후에는 {control}. 효과 {effect} ({low} ~ {high}), {days}</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{head}: {problem}</source>
        <translation>{head}: {problem}</translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{rule}: {category}</source>
        <translation>{rule}: {category}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../playlists/uplift.py"/>
        <source>{sentence}; about %n more days to be sure of {effect}</source>
        <translation>
            <numerusform>{sentence}. {effect}을(를) 확신하려면 약 %n일이 더 필요합니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../playlists/uplift.py"/>
        <source>{sentence}; enough days already to be sure of {effect}</source>
        <translation>{sentence}. {effect}을(를) 확신하기에 이미 충분한 기간입니다</translation>
    </message>
</context>
<context>
    <name>words</name>
    <message numerus="yes">
        <location filename="../../../playlists/decision.py"/>
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
        <source>{first} and {rest}</source>
        <translation>{first} 및 {rest}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{first} or {rest}</source>
        <translation>{first} 또는 {rest}</translation>
    </message>
    <message>
        <location filename="../../../playlists/words.py"/>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
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
