<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>console.auth</name>
    <message>
        <location filename="../../../signage/server/console/pages_auth.py"/>
        <source>Enter your name and password.</source>
        <translation>이름과 비밀번호를 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Leave them and go to the fleet</source>
        <translation>보내지 않고 키오스크 현황으로 이동</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Password</source>
        <translation>비밀번호</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Send my changes</source>
        <translation>변경 내용 보내기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Sign in</source>
        <translation>로그인</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Sign in to use the console.</source>
        <translation>콘솔을 사용하려면 로그인하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>This form is out of date (it was opened in another session); reload the page and try again.</source>
        <translation>이 양식은 오래되었습니다(다른 세션에서 열렸습니다). 페이지를 새로 고친 뒤 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_auth.py"/>
        <source>Wrong name or password, or the account is disabled.</source>
        <translation>이름 또는 비밀번호가 틀렸거나 계정이 비활성화되어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>You are signed in again</source>
        <translation>다시 로그인되었습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>You are signed in as a {role}; this needs the {needed} role. Ask an admin.</source>
        <translation>현재 {role} 역할로 로그인되어 있습니다. 이 작업에는 {needed} 역할이 필요합니다. 관리자에게 문의하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_auth.py"/>
        <source>You are signed out.</source>
        <translation>로그아웃되었습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Your changes are kept: after you sign in you can send them again.</source>
        <translation>변경 내용은 보관되어 있습니다. 로그인한 뒤 다시 보낼 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Your changes were kept</source>
        <translation>변경 내용이 보관되었습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Your session had expired when you sent a form. Nothing was lost: send it again now, or leave it.</source>
        <translation>양식을 보낼 때 세션이 만료되어 있었습니다. 잃어버린 내용은 없습니다. 지금 다시 보내거나 그대로 두십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Your session has expired; sign in again.</source>
        <translation>세션이 만료되었습니다. 다시 로그인하십시오.</translation>
    </message>
</context>
<context>
    <name>console.base</name>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Console</source>
        <translation>콘솔</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Content</source>
        <translation>콘텐츠</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Fleet</source>
        <translation>키오스크 현황</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Language</source>
        <translation>언어</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Releases</source>
        <translation>릴리스</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/macros.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Sign out</source>
        <translation>로그아웃</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Skip to the page</source>
        <translation>본문으로 건너뛰기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Suggestions</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>admin</source>
        <translation>관리자</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>editor</source>
        <translation>편집자</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>signage console</source>
        <translation>사이니지 콘솔</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>viewer</source>
        <translation>조회자</translation>
    </message>
</context>
<context>
    <name>console.content</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n바이트</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>%n items tagged {tag}.</source>
        <translation>
            <numerusform>{tag} 태그가 붙은 항목 %n개.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>%n items.</source>
        <translation>
            <numerusform>항목 %n개.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Age-restricted</source>
        <translation>연령 제한</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>All items</source>
        <translation>모든 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Choose an image or video file to upload.</source>
        <translation>올릴 이미지나 동영상 파일을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Content</source>
        <translation>콘텐츠</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Drop a file (an image or a video), not a link or text.</source>
        <translation>링크나 글자가 아니라 파일(이미지 또는 동영상)을 끌어 놓으십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Drop an image or video here</source>
        <translation>이미지나 동영상을 여기에 끌어 놓으십시오</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Drop an image or video here, or press Enter to choose one</source>
        <translation>이미지나 동영상을 여기에 끌어 놓거나 Enter 키를 눌러 선택하십시오</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <location filename="../../../signage/server/console/static/i18n.js"/>
        <source>Drop one file at a time.</source>
        <translation>한 번에 파일 하나만 끌어 놓으십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>Enter a display time of more than 0 seconds.</source>
        <translation>표시 시간은 0초보다 길게 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>Enter the display time as a number of seconds, such as 8.</source>
        <translation>표시 시간을 8처럼 초 단위 숫자로 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Image or video file</source>
        <translation>이미지 또는 동영상 파일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>No item is tagged {tag}.</source>
        <translation>{tag} 태그가 붙은 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>No name can be made from the file name; give one (lower-case letters, digits and _).</source>
        <translation>파일 이름으로 이름을 만들 수 없습니다. 이름을 직접 정하십시오(영문 소문자, 숫자, _).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>No thumbnail of this file: {problem}</source>
        <translation>이 파일의 미리 보기 이미지가 없습니다: {problem}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>PNG, JPEG, WebP images; MP4, WebM, MOV, AVI videos</source>
        <translation>PNG, JPEG, WebP 이미지와 MP4, WebM, MOV, AVI 동영상</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Picture</source>
        <translation>그림</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Sending {file}…</source>
        <translation>{file} 보내는 중…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Shown</source>
        <translation>표시 기간</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Stored; opening its details…</source>
        <translation>저장했습니다. 세부 정보를 엽니다…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>That file is not on the server (any more); upload it again on the Content page.</source>
        <translation>그 파일은 (더 이상) 서버에 없습니다. 콘텐츠 페이지에서 다시 올리십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>The file {file} was not stored: {reason}</source>
        <translation>{file} 파일을 저장하지 않았습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>The last day comes before the first day ({reason})</source>
        <translation>마지막 날이 첫날보다 앞섭니다({reason})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>The library has an item named {name} already; choose another name.</source>
        <translation>라이브러리에 {name}(이)라는 항목이 이미 있습니다. 다른 이름을 정하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>The library is empty.</source>
        <translation>라이브러리가 비어 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>The library is empty: upload an ad above.</source>
        <translation>라이브러리가 비어 있습니다. 위에서 광고를 올리십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>The upload of {file} failed (the server answered {status}); try again.</source>
        <translation>{file}을(를) 올리지 못했습니다(서버 응답 {status}). 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>The upload of {file} was cut off (the network or the server went away); try again.</source>
        <translation>{file}을(를) 올리는 중에 끊겼습니다(네트워크나 서버 연결이 끊어졌습니다). 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>There is no content file {sha256}.</source>
        <translation>{sha256} 콘텐츠 파일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>There is no library item {name}; the Content page lists them.</source>
        <translation>{name}(이)라는 라이브러리 항목이 없습니다. 콘텐츠 페이지에서 목록을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>This page is for a file just uploaded; upload it on the Content page.</source>
        <translation>이 페이지는 방금 올린 파일을 위한 것입니다. 콘텐츠 페이지에서 파일을 올리십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Thumbnail of {title}</source>
        <translation>{title} 미리 보기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Upload</source>
        <translation>올리기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Upload an ad</source>
        <translation>광고 올리기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Used by</source>
        <translation>사용처</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Your session has expired; sign in again in another tab, then drop the file again.</source>
        <translation>세션이 만료되었습니다. 다른 탭에서 다시 로그인한 뒤 파일을 다시 끌어 놓으십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>always</source>
        <translation>항상</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>current</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>no playlist</source>
        <translation>재생 목록 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>or choose a file below</source>
        <translation>또는 아래에서 파일을 선택하십시오</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>{count} bytes</source>
        <translation>{count}바이트</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{file} is in the library already, as {name}.</source>
        <translation>{file}은(는) 이미 라이브러리에 {name}(으)로 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>{file} is larger than the largest upload the server takes ({limit}); nothing was stored.</source>
        <translation>{file}은(는) 서버가 받는 최대 크기({limit})보다 큽니다. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{file} is stored; give the new item its details.</source>
        <translation>{file}을(를) 저장했습니다. 새 항목의 세부 정보를 입력하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>{file} is {size}, more than the largest upload the server takes ({limit}); make it smaller and try again.</source>
        <translation>{file}은(는) {size}로, 서버가 받는 최대 크기({limit})보다 큽니다. 크기를 줄여 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>{first} to {last}</source>
        <translation>{first}부터 {last}까지</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{name} is in the library.</source>
        <translation>{name}이(가) 라이브러리에 추가되었습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{name} is saved.</source>
        <translation>{name}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{sha256} is not the sha256 of a content file.</source>
        <translation>{sha256}은(는) 콘텐츠 파일의 sha256이 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>{supported}, at most {limit}. The file is checked as {command} checks it (an image decodes completely, a video at its start and end) before anything is stored.</source>
        <translation>{supported}, 최대 {limit}. 저장하기 전에 {command}와(과) 같은 방식으로 파일을 검사합니다(이미지는 전체를, 동영상은 시작과 끝을 디코딩합니다).</translation>
    </message>
</context>
<context>
    <name>console.diff</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>Compare releases of {group}</source>
        <translation>{group} 릴리스 비교</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>From</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>The two documents are the same.</source>
        <translation>두 문서가 같습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>To</source>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>Version {old} ({old_by}, {old_when}) against version {new} ({new_by}, {new_when}). Lines marked − are only in version {old}, + only in version {new}.</source>
        <translation>버전 {old}({old_by}, {old_when})와(과) 버전 {new}({new_by}, {new_when})를 비교합니다. −로 표시된 줄은 버전 {old}에만, +로 표시된 줄은 버전 {new}에만 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>compare</source>
        <translation>비교</translation>
    </message>
</context>
<context>
    <name>console.editor</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>(your draft is dropped), or</source>
        <translation>(초안은 버려집니다) 또는</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Add a playlist</source>
        <translation>재생 목록 추가</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Add a rule</source>
        <translation>규칙 추가</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Add “, 6” after a name to show it 6 seconds.</source>
        <translation>이름 뒤에 “, 6”을 붙이면 6초 동안 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Advanced: the whole document as YAML</source>
        <translation>고급: 문서 전체를 YAML로 편집</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Age groups</source>
        <translation>연령대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Attire</source>
        <translation>복장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Check</source>
        <translation>검사</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Check and save</source>
        <translation>검사하고 저장할 대상</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Checking…</source>
        <translation>검사 중…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Content: {names}.</source>
        <translation>콘텐츠: {names}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Could not check as you type ({reason}).</source>
        <translation>입력하는 동안 검사하지 못했습니다({reason}).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Days</source>
        <translation>요일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Default playlist (plays when no rule matches)</source>
        <translation>기본 재생 목록(일치하는 규칙이 없을 때 재생)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Edit the next release of {group}</source>
        <translation>{group}의 다음 릴리스 편집</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Edit {group}</source>
        <translation>{group} 편집</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Enabled</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Fix these before saving:</source>
        <translation>저장하기 전에 다음을 고치십시오:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>From date</source>
        <translation>시작일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Genders</source>
        <translation>성별</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Items, one content name a line</source>
        <translation>항목(한 줄에 콘텐츠 이름 하나)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Keep my draft, based on version {version}</source>
        <translation>버전 {version}을(를) 기준으로 내 초안 유지</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Keeping it means your draft replaces what {person} changed: read the difference first.</source>
        <translation>초안을 유지하면 {person}님이 바꾼 내용을 내 초안이 대체합니다. 먼저 차이를 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Load this YAML into the form</source>
        <translation>이 YAML을 양식으로 불러오기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>More: weight, limits, genders, origin, note</source>
        <translation>더 보기: 가중치, 제한, 성별, 출처, 메모</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>No content in the library yet.</source>
        <translation>라이브러리에 아직 콘텐츠가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>No playlists yet.</source>
        <translation>아직 재생 목록이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>No problems.</source>
        <translation>문제가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>No problems: this draft can be saved.</source>
        <translation>문제가 없습니다. 이 초안을 저장할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Note for this version</source>
        <translation>이 버전의 메모</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Origin</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>People, at least</source>
        <translation>최소 인원</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>People, at most</source>
        <translation>최대 인원</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Playlist {number}</source>
        <translation>재생 목록 {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Playlist {number}: {name}</source>
        <translation>재생 목록 {number}: {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Plays per hour at most</source>
        <translation>시간당 최대 재생 횟수</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Plays playlist</source>
        <translation>재생할 재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Problems to fix before saving: {count}</source>
        <translation>저장하기 전에 고칠 문제: {count}개</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Reload from version {version}</source>
        <translation>버전 {version}에서 다시 불러오기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Remove playlist {number}</source>
        <translation>재생 목록 {number} 삭제</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Remove rule {number}</source>
        <translation>규칙 {number} 삭제</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Rest after playing (s)</source>
        <translation>재생 후 쉬는 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Rule {number}</source>
        <translation>규칙 {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Rule {number}: {name}</source>
        <translation>규칙 {number}: {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Save as version {version}</source>
        <translation>버전 {version}(으)로 저장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Saved version {version} of {group}. It is not out yet: roll it out when ready.</source>
        <translation>{group}의 버전 {version}을(를) 저장했습니다. 아직 배포되지 않았습니다. 준비되면 배포하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Simulate this draft</source>
        <translation>이 초안 시뮬레이션</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Starting from version {base}. Saving makes version {next}; it is not rolled out until you say so.</source>
        <translation>버전 {base}에서 시작합니다. 저장하면 버전 {next}이(가) 만들어지며, 배포를 지시하기 전까지는 배포되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Stayed at least (s)</source>
        <translation>최소 머문 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>The document</source>
        <translation>문서</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>The note has {count} characters; keep it to {limit}.</source>
        <translation>메모가 {count}자입니다. {limit}자 이내로 줄이십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>The rules and playlists</source>
        <translation>규칙과 재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>This group has no release yet: this will be version 1.</source>
        <translation>이 그룹에는 아직 릴리스가 없습니다. 이것이 버전 1이 됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Time of day</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Until date</source>
        <translation>종료일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Use the form again? What you changed in the YAML is replaced by what the form holds.</source>
        <translation>양식을 다시 사용하시겠습니까? YAML에서 바꾼 내용은 양식의 내용으로 대체됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>When (leave empty for “any”)</source>
        <translation>조건(비워 두면 “모두”)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>You are editing the YAML below: the form is not used until you load the YAML into it.</source>
        <translation>아래 YAML을 편집하고 있습니다. YAML을 양식으로 불러오기 전까지는 양식이 사용되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>You started from version {base}; version {newest} is newer.</source>
        <translation>버전 {base}에서 시작했지만 더 새로운 버전 {newest}이(가) 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Your draft against version {version}</source>
        <translation>버전 {version}과(와) 내 초안 비교</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>age groups</source>
        <translation>연령대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>attire</source>
        <translation>복장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>content</source>
        <translation>콘텐츠</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>dates</source>
        <translation>날짜</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>days</source>
        <translation>요일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>default playlist</source>
        <translation>기본 재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>empty: no limit</source>
        <translation>비워 두면 제한 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>enabled</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>entry {number}</source>
        <translation>{number}번째 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>from</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>genders</source>
        <translation>성별</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>higher wins</source>
        <translation>높을수록 우선</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>items</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>learned numbers</source>
        <translation>학습 수치</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>like 15:00-18:00; several with commas</source>
        <translation>예: 15:00-18:00, 여러 개는 쉼표로 구분</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>line {line}:</source>
        <translation>{line}번 줄:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>loop</source>
        <translation>반복</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>next release</source>
        <translation>다음 릴리스</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>origin</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>people, at least</source>
        <translation>최소 인원</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>people, at most</source>
        <translation>최대 인원</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>playlist</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>playlist {number}</source>
        <translation>재생 목록 {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>playlist {number} “{name}”</source>
        <translation>재생 목록 {number} “{name}”</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>plays per hour at most</source>
        <translation>시간당 최대 재생 횟수</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>rest after playing (s)</source>
        <translation>재생 후 쉬는 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>rule {number}</source>
        <translation>규칙 {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>rule {number} “{name}”</source>
        <translation>규칙 {number} “{name}”</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>share among rules of the same priority</source>
        <translation>우선순위가 같은 규칙 사이의 비중</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>stayed at least (s)</source>
        <translation>최소 머문 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>the document</source>
        <translation>문서 전체</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>the form above</source>
        <translation>위의 양식</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>the server answered {status}</source>
        <translation>서버 응답 {status}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>this YAML</source>
        <translation>이 YAML</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>time of day</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>until</source>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>used only where gender targeting is switched on</source>
        <translation>성별 타기팅이 켜진 곳에서만 사용됩니다</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>version {version} (saved by {person})</source>
        <translation>버전 {version}({person}님이 저장)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>what changed, for the others</source>
        <translation>다른 사람을 위해 무엇이 바뀌었는지 적으십시오</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>when</source>
        <translation>조건</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>your draft</source>
        <translation>내 초안</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>your session has expired: press Save to sign in again (the draft is kept)</source>
        <translation>세션이 만료되었습니다. 저장을 눌러 다시 로그인하십시오(초안은 보관됩니다)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>{person} saved version {version} of {group} on {when}, after you started from version {base}, so your save was not made. Your draft is kept below.</source>
        <translation>버전 {base}에서 편집을 시작한 뒤 {person}님이 {when}에 {group}의 버전 {version}을(를) 저장했으므로 저장되지 않았습니다. 초안은 아래에 보관되어 있습니다.</translation>
    </message>
</context>
<context>
    <name>console.errors</name>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Go to the fleet</source>
        <translation>키오스크 현황으로 이동</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Not allowed</source>
        <translation>권한 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Not found</source>
        <translation>찾을 수 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Something is wrong</source>
        <translation>문제가 발생했습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Something went wrong on the server (it is logged there); try again, or tell your admin.</source>
        <translation>서버에서 문제가 발생했습니다(서버 로그에 기록되었습니다). 다시 시도하거나 관리자에게 알리십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>That did not work</source>
        <translation>처리되지 않았습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>That page cannot be used that way (a form sent to a page that only shows); start again from the page.</source>
        <translation>그 페이지는 그렇게 사용할 수 없습니다(보기 전용 페이지로 양식을 보냈습니다). 해당 페이지에서 다시 시작하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>The server refused that request ({status}).</source>
        <translation>서버가 요청을 거부했습니다({status}).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>The server's database is not answering; try again in a minute.</source>
        <translation>서버의 데이터베이스가 응답하지 않습니다. 1분 뒤에 다시 시도하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>There is no such page in the console; check the address, or start from the fleet.</source>
        <translation>콘솔에 그런 페이지가 없습니다. 주소를 확인하거나 키오스크 현황에서 다시 시작하십시오.</translation>
    </message>
</context>
<context>
    <name>console.fleet</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n일 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n시간 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks are silent: no heartbeat for more than {silent_after} (kiosks send one every {heartbeat_s} s).</source>
        <translation>
            <numerusform>키오스크 %n대가 응답이 없습니다. {silent_after} 넘게 하트비트가 오지 않았습니다(키오스크는 {heartbeat_s}초마다 보냅니다).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks in the stores of {group} matching “{q}”:</source>
        <translation>
            <numerusform>{group} 매장에서 “{q}”와(과) 일치하는 키오스크 %n대:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks in the stores of {group}:</source>
        <translation>
            <numerusform>{group} 매장의 키오스크 %n대:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks matching “{q}”:</source>
        <translation>
            <numerusform>“{q}”와(과) 일치하는 키오스크 %n대:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks:</source>
        <translation>
            <numerusform>키오스크 %n대:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n분 전</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n초 전</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>A reload was sent (command {command}); the kiosk picks it up at its next heartbeat, within about {seconds} s.</source>
        <translation>다시 읽기 명령을 보냈습니다(명령 {command}). 키오스크가 다음 하트비트 때, 약 {seconds}초 안에 가져갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>A screenshot was asked for (command {command}); the kiosk picks it up at its next heartbeat, within about {seconds} s.</source>
        <translation>스크린샷을 요청했습니다(명령 {command}). 키오스크가 다음 하트비트 때, 약 {seconds}초 안에 가져갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>All groups</source>
        <translation>모든 그룹</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>All states</source>
        <translation>모든 상태</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>An admin adds them with {command}.</source>
        <translation>관리자가 {command} 명령으로 추가합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Awaiting enrolment</source>
        <translation>등록 대기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Engine fps</source>
        <translation>엔진 fps</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Errors</source>
        <translation>오류</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Fleet</source>
        <translation>키오스크 현황</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Kiosk</source>
        <translation>키오스크</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Kiosk {first} of {listed}</source>
        <translation>키오스크 {listed}대 중 {first}번째</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Kiosks {first}–{last} of {listed}</source>
        <translation>키오스크 {listed}대 중 {first}–{last}번째</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Last heartbeat</source>
        <translation>마지막 하트비트</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Last »</source>
        <translation>마지막 »</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Next ›</source>
        <translation>다음 ›</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks in the stores of {group} match these filters: search for less, or choose all states.</source>
        <translation>{group} 매장에 이 조건과 일치하는 키오스크가 없습니다. 검색어를 줄이거나 모든 상태를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks in the stores of {group} yet.</source>
        <translation>{group} 매장에는 아직 키오스크가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks listed</source>
        <translation>표시할 키오스크 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks match these filters: search for less, or choose all states.</source>
        <translation>이 조건과 일치하는 키오스크가 없습니다. 검색어를 줄이거나 모든 상태를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks yet.</source>
        <translation>아직 키오스크가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the ones awaiting enrolment are listed.</source>
        <translation>등록 대기 중인 키오스크만 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the online ones are listed.</source>
        <translation>온라인 키오스크만 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the revoked ones are listed.</source>
        <translation>등록 취소된 키오스크만 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the silent ones are listed.</source>
        <translation>응답 없는 키오스크만 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Pages of kiosks (bottom)</source>
        <translation>키오스크 페이지(아래)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Pages of kiosks (top)</source>
        <translation>키오스크 페이지(위)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Playing now</source>
        <translation>현재 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Release</source>
        <translation>릴리스</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Revoked</source>
        <translation>등록 취소됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Search kiosk, store code or store name</source>
        <translation>키오스크, 매장 코드 또는 매장 이름 검색</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Show</source>
        <translation>보기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Silent</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Store group</source>
        <translation>매장 그룹</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>The console sends a reload or a screenshot, not {kind}; use the buttons on the kiosk page.</source>
        <translation>콘솔은 다시 읽기나 스크린샷만 보낼 수 있으며 {kind}은(는) 보낼 수 없습니다. 키오스크 페이지의 버튼을 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>The page {page} is not a page number; pages are numbered from 1.</source>
        <translation>{page}은(는) 페이지 번호가 아닙니다. 페이지는 1부터 시작합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>There is no kiosk or command {id}; the fleet page lists them.</source>
        <translation>{id}라는 키오스크나 명령이 없습니다. 키오스크 현황 페이지에서 목록을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>There is no kiosk state {state}; choose one of {states} or all states.</source>
        <translation>{state}라는 키오스크 상태는 없습니다. {states} 중 하나나 모든 상태를 선택하십시오.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>There is no page {page}: these kiosks fill %n pages; go to page {last} or to the first page.</source>
        <translation>
            <numerusform>{page} 페이지는 없습니다. 이 키오스크 목록은 %n페이지입니다. {last} 페이지나 첫 페이지로 이동하십시오.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>awaiting enrolment</source>
        <translation>등록 대기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>built-in slide</source>
        <translation>기본 제공 슬라이드</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>camera: {state} ({detail})</source>
        <translation>카메라: {state} ({detail})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>database: {state} ({reason})</source>
        <translation>데이터베이스: {state} ({reason})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>e.g. gangnam</source>
        <translation>예: gangnam</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>for {duration}</source>
        <translation>{duration} 동안</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>just now</source>
        <translation>방금</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>no camera</source>
        <translation>카메라 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>no detail</source>
        <translation>세부 정보 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>no reason given</source>
        <translation>사유 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>online</source>
        <translation>온라인</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>page {page} of {pages}</source>
        <translation>{pages}페이지 중 {page}페이지</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>revoked</source>
        <translation>등록 취소됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>rule {rule}</source>
        <translation>규칙 {rule}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>silent</source>
        <translation>응답 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>sync: {error}</source>
        <translation>동기화: {error}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>{count} awaiting enrolment</source>
        <translation>등록 대기 {count}대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>{count} revoked</source>
        <translation>등록 취소 {count}대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{days} days</source>
        <translation>{days}일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{hours} h</source>
        <translation>{hours}시간</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{minutes} min</source>
        <translation>{minutes}분</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>{online} online, {silent} silent</source>
        <translation>온라인 {online}대, 응답 없음 {silent}대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>« First</source>
        <translation>« 처음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>‹ Previous</source>
        <translation>‹ 이전</translation>
    </message>
</context>
<context>
    <name>console.group</name>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Canary:</source>
        <translation>카나리:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>Compare</source>
        <translation>비교</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Compare releases</source>
        <translation>릴리스 비교</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Edit the next release</source>
        <translation>다음 릴리스 편집</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Every store:</source>
        <translation>전체 매장:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Group {group}</source>
        <translation>{group} 그룹</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Items</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Note</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Rollout</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Saved by</source>
        <translation>저장한 사람</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Stage</source>
        <translation>단계</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>This group has no release yet.</source>
        <translation>이 그룹에는 아직 릴리스가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>What would play?</source>
        <translation>무엇이 재생될까요?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>When</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Write the first one.</source>
        <translation>첫 릴리스를 작성하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>no release out yet</source>
        <translation>아직 배포된 릴리스 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>version {version} in {group}</source>
        <translation>{group}에서 버전 {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>vs {version}</source>
        <translation>버전 {version}과(와) 비교</translation>
    </message>
</context>
<context>
    <name>console.item</name>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>(a video plays its own length; a playlist entry may cut it shorter)</source>
        <translation>(동영상은 자체 길이만큼 재생되며, 재생 목록 항목에서 더 짧게 자를 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>A frame of the video {title}</source>
        <translation>동영상 {title}의 한 장면</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>A release keeps a copy of the item as it was when the release was made: a change here goes out with each group's next release.</source>
        <translation>릴리스는 만들어질 때의 항목 사본을 보관합니다. 여기서 바꾼 내용은 각 그룹의 다음 릴리스와 함께 배포됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Add to the library</source>
        <translation>라이브러리에 추가</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Age-restricted (alcohol, tobacco): never shown while minors may be watching</source>
        <translation>연령 제한(주류, 담배): 미성년자가 볼 수 있는 동안에는 절대 표시하지 않음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Background</source>
        <translation>배경색</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Changing an item needs the editor role.</source>
        <translation>항목을 바꾸려면 편집자 역할이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Display time</source>
        <translation>표시 시간</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Display time (seconds)</source>
        <translation>표시 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>First day shown</source>
        <translation>표시 시작일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Last day shown</source>
        <translation>표시 종료일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Leave empty for no limit; both days are included.</source>
        <translation>비워 두면 기간 제한이 없습니다. 시작일과 종료일 모두 포함됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>New item</source>
        <translation>새 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>New item from {file}</source>
        <translation>{file}에서 만든 새 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>No playlist of any group's current, canary or newest release names it.</source>
        <translation>어느 그룹의 현재, 카나리, 최신 릴리스의 재생 목록에도 이 항목이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Separated by commas; rules choose ads by their tags.</source>
        <translation>쉼표로 구분합니다. 규칙은 태그로 광고를 고릅니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Text colour</source>
        <translation>글자색</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Text under the title</source>
        <translation>제목 아래 글</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>The image {title}</source>
        <translation>이미지 {title}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>What playlists call it: lower-case letters, digits and _. It cannot be changed later.</source>
        <translation>재생 목록에서 부르는 이름입니다. 영문 소문자, 숫자, _만 쓸 수 있으며 나중에 바꿀 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>changed by {person}, {when}</source>
        <translation>{person}님이 {when}에 변경</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>new item</source>
        <translation>새 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>playlist {playlist} in release v{version} of {group}</source>
        <translation>{group} 릴리스 v{version}의 재생 목록 {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>snacks, teens</source>
        <translation>과자, 청소년</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
</context>
<context>
    <name>console.kiosk</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>%n frames dropped</source>
        <translation>
            <numerusform>프레임 %n개 누락</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>%n samples dropped</source>
        <translation>
            <numerusform>샘플 %n건 누락</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>About</source>
        <translation>정보</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>By</source>
        <translation>보낸 사람</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Camera</source>
        <translation>카메라</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Clock</source>
        <translation>시계</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Command</source>
        <translation>명령</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Command {command}, {when}: the ad surface only, never the camera.</source>
        <translation>명령 {command}, {when}: 광고 화면만 찍으며 카메라 영상은 절대 찍지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Detail</source>
        <translation>세부 정보</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Disk free</source>
        <translation>디스크 여유 공간</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Engine</source>
        <translation>엔진</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Enrolled</source>
        <translation>등록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Fleet</source>
        <translation>키오스크 현황</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Groups</source>
        <translation>그룹</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Host</source>
        <translation>호스트</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Kiosk {name}</source>
        <translation>키오스크 {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Last heartbeat</source>
        <translation>마지막 하트비트</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>No commands sent yet.</source>
        <translation>아직 보낸 명령이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>No screenshot yet.</source>
        <translation>아직 스크린샷이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>No screenshot yet: use “Take a screenshot” above.</source>
        <translation>아직 스크린샷이 없습니다. 위의 “스크린샷 찍기”를 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>None in its newest heartbeat.</source>
        <translation>최신 하트비트에는 오류가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Now</source>
        <translation>현재</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Player</source>
        <translation>플레이어</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Playing</source>
        <translation>재생 중</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Recent errors</source>
        <translation>최근 오류</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Release</source>
        <translation>릴리스</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Reload rules and content</source>
        <translation>규칙과 콘텐츠 다시 읽기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Remote commands</source>
        <translation>원격 명령</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Screenshot</source>
        <translation>스크린샷</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Sending a screenshot or reload needs the editor role.</source>
        <translation>스크린샷이나 다시 읽기 명령을 보내려면 편집자 역할이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Sent</source>
        <translation>보낸 시각</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Silent: no heartbeat for more than {silent_after}; check the kiosk's power and network, then {command} on it.</source>
        <translation>응답 없음: {silent_after} 넘게 하트비트가 없습니다. 키오스크의 전원과 네트워크를 확인한 뒤 키오스크에서 {command}을(를) 실행하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>State</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Store</source>
        <translation>매장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Take a screenshot</source>
        <translation>스크린샷 찍기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>The kiosk picks a command up with its next heartbeat (every {seconds} s).</source>
        <translation>키오스크는 다음 하트비트 때({seconds}초마다) 명령을 가져갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>The kiosk picks a command up with its next heartbeat (every {seconds} s); this page refreshes itself while one is open.</source>
        <translation>키오스크는 다음 하트비트 때({seconds}초마다) 명령을 가져갑니다. 처리 중인 명령이 있는 동안 이 페이지는 저절로 새로 고쳐집니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>This kiosk is revoked: it fetches no commands.</source>
        <translation>이 키오스크는 등록 취소되었습니다. 명령을 가져가지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Waiting to send</source>
        <translation>전송 대기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>What the screen of {name} showed, {when}</source>
        <translation>{name} 화면에 표시된 내용, {when}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>acked: done</source>
        <translation>확인: 완료</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>acked: failed</source>
        <translation>확인: 실패</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>delivered</source>
        <translation>전달됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>kiosk {id} in {store}</source>
        <translation>{store}의 키오스크 {id}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>no camera reported</source>
        <translation>보고된 카메라 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>not yet</source>
        <translation>아직 안 됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>nothing reported</source>
        <translation>보고된 내용 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>pending</source>
        <translation>대기 중</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>reload</source>
        <translation>다시 읽기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>restart</source>
        <translation>재시작</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>runs none</source>
        <translation>실행 중인 릴리스 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>runs v{version}</source>
        <translation>v{version} 실행 중</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>runs v{version} of {group}</source>
        <translation>{group}의 v{version} 실행 중</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>screenshot</source>
        <translation>스크린샷</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>should run v{version} of {group} (it updates at its next release check)</source>
        <translation>{group}의 v{version}을(를) 실행해야 합니다(다음 릴리스 확인 때 업데이트됩니다)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>silent for {duration}</source>
        <translation>{duration} 동안 응답 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>the built-in slide</source>
        <translation>기본 제공 슬라이드</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>up {duration}</source>
        <translation>가동 {duration}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{item} from {playlist} (default playlist)</source>
        <translation>{playlist}의 {item}(기본 재생 목록)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{item} from {playlist}, rule {rule}</source>
        <translation>{playlist}의 {item}, 규칙 {rule}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{plays} plays, {samples} audience samples</source>
        <translation>재생 {plays}건, 시청자 샘플 {samples}건</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{seconds} s from the server's</source>
        <translation>서버 시계와 {seconds}초 차이</translation>
    </message>
</context>
<context>
    <name>console.release</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Default playlist:</source>
        <translation>기본 재생 목록:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Kiosks that should run it: {targeted}; running it: {running}</source>
        <translation>실행해야 할 키오스크: {targeted}대, 실행 중: {running}대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Limits</source>
        <translation>제한</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>No playlists.</source>
        <translation>재생 목록이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>No rules: the default playlist always plays.</source>
        <translation>규칙이 없습니다. 기본 재생 목록이 항상 재생됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>On</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Origin</source>
        <translation>출처</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Playlist</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Playlists</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Plays</source>
        <translation>재생할 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Roll out…</source>
        <translation>배포…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Rules</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Saved by {person} on {when}.</source>
        <translation>{person}님이 {when}에 저장했습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Saved by {person} on {when}: “{note}”.</source>
        <translation>{person}님이 {when}에 저장했습니다: “{note}”.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>The document as YAML</source>
        <translation>YAML 문서</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Weight</source>
        <translation>가중치</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>When it ends</source>
        <translation>끝나면</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>at most {plays} an hour</source>
        <translation>시간당 최대 {plays}회</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>rests {seconds} s</source>
        <translation>{seconds}초 쉼</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>rests {seconds} s; at most {plays} an hour</source>
        <translation>{seconds}초 쉼, 시간당 최대 {plays}회</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>{group} version {version}</source>
        <translation>{group} 버전 {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>{group}, version {version}</source>
        <translation>{group}, 버전 {version}</translation>
    </message>
</context>
<context>
    <name>console.releases</name>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Each store group has its own rules and playlists. A kiosk runs the release of its highest-priority group that has one out.</source>
        <translation>매장 그룹마다 고유한 규칙과 재생 목록이 있습니다. 키오스크는 배포된 릴리스가 있는 그룹 중 우선순위가 가장 높은 그룹의 릴리스를 실행합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Group</source>
        <translation>그룹</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>In canary</source>
        <translation>카나리 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Out to all</source>
        <translation>전체 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Release version {version} does not decode: {problem}</source>
        <translation>릴리스 버전 {version}을(를) 읽을 수 없습니다: {problem}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Releases</source>
        <translation>릴리스</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Store groups and their releases</source>
        <translation>매장 그룹과 릴리스</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Stores</source>
        <translation>매장 수</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>There are no store groups yet. An admin makes them ({command}).</source>
        <translation>아직 매장 그룹이 없습니다. 관리자가 만듭니다({command}).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>canary</source>
        <translation>카나리</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>chain</source>
        <translation>체인</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>format</source>
        <translation>매장 형태</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>group {group} has no release version {version}; its versions are listed on its page.</source>
        <translation>{group} 그룹에는 릴리스 버전 {version}이(가) 없습니다. 그룹 페이지에서 버전 목록을 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>in {group}</source>
        <translation>{group}에서</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>not out</source>
        <translation>배포 안 됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>out to all</source>
        <translation>전체 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>region</source>
        <translation>지역</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>tag</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>version {version}</source>
        <translation>버전 {version}</translation>
    </message>
</context>
<context>
    <name>console.reports</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>%n audience samples</source>
        <translation>
            <numerusform>시청자 샘플 %n건</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>%n plays</source>
        <translation>
            <numerusform>재생 %n건</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>All stores</source>
        <translation>모든 매장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>All stores of the group</source>
        <translation>그룹의 모든 매장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience</source>
        <translation>시청자</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience by hour</source>
        <translation>시간대별 시청자</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience by weekday</source>
        <translation>요일별 시청자</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience mix by hour of day</source>
        <translation>시간대별 시청자 구성</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience mix by weekday</source>
        <translation>요일별 시청자 구성</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience samples</source>
        <translation>시청자 샘플</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience samples by hour and segment, {where}</source>
        <translation>시간대·세그먼트별 시청자 샘플, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience samples by weekday and segment, {where}</source>
        <translation>요일·세그먼트별 시청자 샘플, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>By hour</source>
        <translation>시간대별</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Clear the filter</source>
        <translation>필터 지우기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/report_charts.html"/>
        <source>Colours of the chart</source>
        <translation>차트 색상</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download every sample count by weekday, hour and segment as CSV</source>
        <translation>요일·시간대·세그먼트별 전체 샘플 수를 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download plays by hour as CSV</source>
        <translation>시간대별 재생을 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download rule hits as CSV</source>
        <translation>규칙별 재생을 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download samples with people by weekday and hour as CSV</source>
        <translation>요일·시간대별 사람이 있던 샘플을 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the audience mix by hour as CSV</source>
        <translation>시간대별 시청자 구성을 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the audience mix by weekday as CSV</source>
        <translation>요일별 시청자 구성을 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the groups table as CSV</source>
        <translation>그룹 표를 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the stores table as CSV</source>
        <translation>매장 표를 CSV로 내려받기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Each bar is one hour's audience samples, split by who was in front of the screen most (the sample's dominant segment).</source>
        <translation>막대 하나는 한 시간대의 시청자 샘플이며, 화면 앞에 가장 많았던 사람(샘플의 주 세그먼트)별로 나뉩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Hour</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Hours, weekdays and dates are each store's own local time (its time zone on the store list).</source>
        <translation>시간, 요일, 날짜는 각 매장의 현지 시각입니다(매장 목록의 시간대 기준).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>How often somebody was in front of the screens, by weekday and hour, {where}; darker is more.</source>
        <translation>요일·시간대별로 화면 앞에 누군가 있었던 빈도, {where}. 색이 진할수록 많습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Items each rule put on screen, {where}.</source>
        <translation>규칙마다 화면에 띄운 항목, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Kiosks reporting</source>
        <translation>보고한 키오스크</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Minutes</source>
        <translation>분</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Minutes on screen in each store, {where}.</source>
        <translation>매장마다 화면에 표시된 시간(분), {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Minutes on screen per store</source>
        <translation>매장별 화면 표시 시간(분)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No audience samples were reported for {where}.</source>
        <translation>{where}에 대해 보고된 시청자 샘플이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No kiosk reported any play or audience sample in {where}: try other dates, or check the fleet page that the kiosks are sending.</source>
        <translation>{where}에 대해 재생이나 시청자 샘플을 보고한 키오스크가 없습니다. 다른 날짜를 선택하거나 키오스크 현황 페이지에서 키오스크가 데이터를 보내고 있는지 확인하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No plays were reported for {where}.</source>
        <translation>{where}에 대해 보고된 재생이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No rule put anything on screen in {where}.</source>
        <translation>{where}에 대해 화면에 무언가를 띄운 규칙이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>None of these stores is in a store group.</source>
        <translation>이 매장들은 어느 매장 그룹에도 속해 있지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Per group</source>
        <translation>그룹별</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Per store</source>
        <translation>매장별</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays and minutes by hour of day</source>
        <translation>시간대별 재생과 시간(분)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays and minutes on screen by the hour they started, {where}</source>
        <translation>시작 시간대별 재생과 화면 표시 시간(분), {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays and playlist starts per rule, {where}</source>
        <translation>규칙별 재생과 재생 목록 시작, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Plays by hour of day</source>
        <translation>시간대별 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Plays that started in each hour, {where}.</source>
        <translation>시간대마다 시작된 재생, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays, minutes and audience samples per store group, {where}</source>
        <translation>매장 그룹별 재생, 시간(분), 시청자 샘플, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays, minutes and audience samples per store, {where}</source>
        <translation>매장별 재생, 시간(분), 시청자 샘플, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays: items a rule put on screen. Starts: times its playlist began (a kiosk's previous play came from another playlist or rule).</source>
        <translation>재생: 규칙이 화면에 띄운 항목 수. 시작: 그 규칙의 재생 목록이 시작된 횟수(키오스크의 직전 재생이 다른 재생 목록이나 규칙에서 나온 경우).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Rule hits</source>
        <translation>규칙별 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Samples</source>
        <translation>샘플</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Samples with people</source>
        <translation>사람이 있던 샘플</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Samples with people by weekday and hour</source>
        <translation>요일·시간대별 사람이 있던 샘플</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Samples with people by weekday and hour, {where}</source>
        <translation>요일·시간대별 사람이 있던 샘플, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Sections of the report</source>
        <translation>보고서 구성</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Seen most</source>
        <translation>가장 많이 보인 사람</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Starts</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The numbers by hour</source>
        <translation>시간대별 수치</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The numbers by weekday and hour</source>
        <translation>요일·시간대별 수치</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The shares by hour</source>
        <translation>시간대별 비율</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The shares by weekday</source>
        <translation>요일별 비율</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/report_charts.html"/>
        <source>The table below gives the same numbers.</source>
        <translation>아래 표에 같은 수치가 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>There is no store in this group: an admin adds stores on the server.</source>
        <translation>이 그룹에는 매장이 없습니다. 관리자가 서버에서 매장을 추가합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>There is no store yet: an admin adds stores on the server.</source>
        <translation>아직 매장이 없습니다. 관리자가 서버에서 매장을 추가합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Time zone</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>To (included)</source>
        <translation>끝(포함)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Weekday</source>
        <translation>요일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Weekday × hour</source>
        <translation>요일 × 시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>When people are there: weekday × hour</source>
        <translation>사람이 있는 때: 요일 × 시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Who was in front of the screens in each hour, {where}.</source>
        <translation>시간대마다 화면 앞에 있던 사람, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Who was in front of the screens on each weekday, {where}.</source>
        <translation>요일마다 화면 앞에 있던 사람, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>With people</source>
        <translation>사람 있음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>every store</source>
        <translation>전체 매장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>no camera signal</source>
        <translation>카메라 신호 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>nobody there</source>
        <translation>사람 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>other audiences</source>
        <translation>기타 시청자</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>store {store}</source>
        <translation>{store} 매장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>the stores of group {group}</source>
        <translation>{group} 그룹의 매장</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>{name} (unknown)</source>
        <translation>{name}(알 수 없음)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>{plays}, {minutes} minutes on screen and {samples} in {where}.</source>
        <translation>{where}: {plays}, 화면 표시 {minutes}분, {samples}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{rule}: {plays} plays, {starts} starts</source>
        <translation>{rule}: 재생 {plays}건, 시작 {starts}회</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: nobody seen (no samples)</source>
        <translation>{slot}: 사람 없음(샘플 없음)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: nobody seen ({segment})</source>
        <translation>{slot}: 사람 없음({segment})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: {count} samples with people, mostly {segment}</source>
        <translation>{slot}: 사람이 있던 샘플 {count}건, 주로 {segment}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: {plays} plays, {minutes} minutes on screen</source>
        <translation>{slot}: 재생 {plays}건, 화면 표시 {minutes}분</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: {segment} {share} ({samples} of {total} samples)</source>
        <translation>{slot}: {segment} {share}(샘플 {total}건 중 {samples}건)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{store}: {plays} plays, {minutes} minutes</source>
        <translation>{store}: 재생 {plays}건, {minutes}분</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, from {start} on</source>
        <translation>{where}, {start}부터</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, from {start} to {end}</source>
        <translation>{where}, {start}부터 {end}까지</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, over all the telemetry</source>
        <translation>{where}, 전체 기록 기간</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, up to {end}</source>
        <translation>{where}, {end}까지</translation>
    </message>
</context>
<context>
    <name>console.rollout</name>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>1. Try it in a canary group</source>
        <translation>1. 카나리 그룹에서 시험</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>2. Roll it out to all</source>
        <translation>2. 전체에 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>By</source>
        <translation>실행한 사람</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Canary group</source>
        <translation>카나리 그룹</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Choose a step: canary, all or rollback.</source>
        <translation>단계를 선택하십시오: 카나리, 전체 또는 되돌리기.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Choose the canary group whose stores try the release first.</source>
        <translation>릴리스를 먼저 시험할 매장의 카나리 그룹을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Confirm: canary in {group}</source>
        <translation>확인: {group} 카나리 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Confirm: out to all in {group}</source>
        <translation>확인: {group} 전체 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Confirm: roll back {group}</source>
        <translation>확인: {group} 되돌리기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Every store of {group} goes back to version {previous}, in place of version {current}.</source>
        <translation>{group}의 모든 매장이 버전 {current} 대신 버전 {previous}(으)로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Every store of {group} switches to version {version}, replacing version {current}.</source>
        <translation>{group}의 모든 매장이 버전 {current} 대신 버전 {version}(으)로 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Every store of {group} switches to version {version}.</source>
        <translation>{group}의 모든 매장이 버전 {version}(으)로 바뀝니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Kiosks targeted</source>
        <translation>대상 키오스크</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Not yet</source>
        <translation>아직 안 됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Nothing of {group} is out yet, so there is nothing to roll back.</source>
        <translation>{group}은(는) 아직 배포된 것이 없어 되돌릴 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Nothing rolled out yet.</source>
        <translation>아직 배포한 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Nothing to go back to yet.</source>
        <translation>아직 되돌아갈 버전이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Puts version {previous} back in every store, in place of version {current}.</source>
        <translation>모든 매장에 버전 {current} 대신 버전 {previous}을(를) 다시 배포합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll back</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Roll back {group}?</source>
        <translation>{group}을(를) 되돌리시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll back…</source>
        <translation>되돌리기…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll out to every store…</source>
        <translation>모든 매장에 배포…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll out to the canary group…</source>
        <translation>카나리 그룹에 배포…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Roll version {version} out to every store?</source>
        <translation>버전 {version}을(를) 모든 매장에 배포하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Rolled back: every store of {group} goes back to version {version}.</source>
        <translation>되돌렸습니다. {group}의 모든 매장이 버전 {version}(으)로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Rollout of {group}</source>
        <translation>{group} 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Running it</source>
        <translation>실행 중</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Share</source>
        <translation>비율</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Step</source>
        <translation>단계</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>The kiosks of the stores in {canary_group} (%n stores) that take {group}'s release switch to version {version}.</source>
        <translation>
            <numerusform>{canary_group}에 속한 매장(%n곳) 가운데 {group} 릴리스를 받는 키오스크가 버전 {version}(으)로 바뀝니다.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>The kiosks of the stores in {canary_group} (%n stores) that take {group}'s release switch to version {version}; the other stores keep version {current}.</source>
        <translation>
            <numerusform>{canary_group}에 속한 매장(%n곳) 가운데 {group} 릴리스를 받는 키오스크가 버전 {version}(으)로 바뀝니다. 나머지 매장은 버전 {current}을(를) 유지합니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>The order: a new version goes to a canary group first, then to all; Roll back withdraws a canary, or puts the version before the current one back.</source>
        <translation>순서: 새 버전은 먼저 카나리 그룹에, 그다음 전체에 배포합니다. 되돌리기는 카나리를 회수하거나 현재 버전 이전의 버전을 다시 배포합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>There may be nothing to roll back; the server will say.</source>
        <translation>되돌릴 것이 없을 수도 있습니다. 서버가 알려 줍니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Try version {version} in {canary_group}?</source>
        <translation>{canary_group}에서 버전 {version}을(를) 시험하시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {canary} is in canary in {canary_group} now: roll it out to all or roll it back before trying version {version}.</source>
        <translation>지금 {canary_group}에서 버전 {canary}이(가) 카나리로 실행 중입니다. 버전 {version}을(를) 시험하기 전에 전체에 배포하거나 되돌리십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} already runs in every store of {group}; nothing to do.</source>
        <translation>버전 {version}은(는) 이미 {group}의 모든 매장에서 실행 중입니다. 할 일이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} has not been tried in a canary group yet: roll it out to a canary group first, check it there, then roll it out to all.</source>
        <translation>버전 {version}은(는) 아직 카나리 그룹에서 시험하지 않았습니다. 먼저 카나리 그룹에 배포해 확인한 뒤 전체에 배포하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is already in canary; roll it out to all, or roll it back.</source>
        <translation>버전 {version}은(는) 이미 카나리에 있습니다. 전체에 배포하거나 되돌리십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is older than version {current}, which every store runs: to go back, use Roll back instead.</source>
        <translation>버전 {version}은(는) 모든 매장에서 실행 중인 버전 {current}보다 오래되었습니다. 되돌아가려면 대신 되돌리기를 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is out in canary: the stores of {canary_group} run it now.</source>
        <translation>버전 {version}이(가) 카나리로 배포되었습니다. 이제 {canary_group} 매장에서 실행됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is out to every store of {group}.</source>
        <translation>버전 {version}이(가) {group}의 모든 매장에 배포되었습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is the first release of {group} that went out to all stores, so there is no earlier one to go back to.</source>
        <translation>버전 {version}은(는) {group}에서 전체 매장에 처음 배포된 릴리스이므로 되돌아갈 이전 릴리스가 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is withdrawn from canary; its stores go back to the current release.</source>
        <translation>버전 {version}을(를) 카나리에서 회수했습니다. 해당 매장은 현재 릴리스로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Version {version} is withdrawn from {canary_group}; those stores go back to their next group's release.</source>
        <translation>{canary_group}에서 버전 {version}을(를) 회수합니다. 해당 매장은 다음 순위 그룹의 릴리스로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Version {version} is withdrawn from {canary_group}; those stores go back to version {current}.</source>
        <translation>{canary_group}에서 버전 {version}을(를) 회수합니다. 해당 매장은 버전 {current}(으)로 돌아갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Withdraws version {version} from {group}.</source>
        <translation>{group}에서 버전 {version}을(를) 회수합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Yes, roll back</source>
        <translation>예, 되돌립니다</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Yes, roll it out</source>
        <translation>예, 배포합니다</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>canary in {group}</source>
        <translation>{group}에 카나리 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>kiosk {kiosks}</source>
        <translation>키오스크 {kiosks}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>kiosk {kiosks} and more</source>
        <translation>키오스크 {kiosks} 외</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>rollback</source>
        <translation>되돌리기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>rollout</source>
        <translation>배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>to all</source>
        <translation>전체 배포</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>version {version} (canary)</source>
        <translation>버전 {version}(카나리)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>version {version} (out to all)</source>
        <translation>버전 {version}(전체 배포)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>version {version}, tried in the stores of {group}</source>
        <translation>버전 {version}, {group} 매장에서 시험 중</translation>
    </message>
</context>
<context>
    <name>console.simulator</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Age group</source>
        <translation>연령대</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>As {command} prints it</source>
        <translation>{command} 출력 형식</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>At {when}: {playlist}</source>
        <translation>{when}: {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Audience:</source>
        <translation>시청자:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Back to editing this draft</source>
        <translation>이 초안 편집으로 돌아가기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Camera's confidence (0–1)</source>
        <translation>카메라 신뢰도(0–1)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Expected {expected}, got {value}.</source>
        <translation>{expected}이(가) 필요하지만 {value}이(가) 입력되었습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Gender</source>
        <translation>성별</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Items:</source>
        <translation>항목:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Local time</source>
        <translation>현지 시각</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Longest stay (s)</source>
        <translation>가장 오래 머문 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Minors guardrail: {items} withheld because {reason}.</source>
        <translation>미성년자 보호: {items}을(를) 보류했습니다(사유: {reason}).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Outcome</source>
        <translation>결과</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>People in front of the screen</source>
        <translation>화면 앞 인원</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Rule:</source>
        <translation>규칙:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Show what would play</source>
        <translation>재생될 내용 보기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>The draft cannot play yet; fix these in the editor:</source>
        <translation>초안을 아직 재생할 수 없습니다. 편집기에서 다음을 고치십시오:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>The kiosk's own decision (the same as {command}), with the default decision settings.</source>
        <translation>기본 결정 설정으로 키오스크가 직접 내리는 결정입니다({command}와(과) 같습니다).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>This group has no release yet: nothing to simulate.</source>
        <translation>이 그룹에는 아직 릴리스가 없어 시뮬레이션할 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Unknown value {value}; choose one of the list.</source>
        <translation>알 수 없는 값 {value}입니다. 목록에서 하나를 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>What would play in {group}</source>
        <translation>{group}에서 무엇이 재생될까요</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>What would play in {group}?</source>
        <translation>{group}에서 무엇이 재생될까요?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Why:</source>
        <translation>이유:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>a number from 0 to 1</source>
        <translation>0에서 1 사이의 숫자</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>a whole number of people, 0 or more</source>
        <translation>0 이상의 정수 인원</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>gender targeting on</source>
        <translation>성별 타기팅 켜짐</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>none (the default playlist)</source>
        <translation>없음(기본 재생 목록)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>not known</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>nothing plays</source>
        <translation>재생 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>plays</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>seconds, 0 or more</source>
        <translation>0 이상의 초</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>someone else may be a minor</source>
        <translation>다른 사람 중 미성년자가 있을 수 있음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>the camera has no signal</source>
        <translation>카메라 신호 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>the draft being edited</source>
        <translation>편집 중인 초안</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>what would play</source>
        <translation>재생 미리 보기</translation>
    </message>
</context>
<context>
    <name>console.suggestions</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>%n baskets</source>
        <translation>
            <numerusform>%n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>%n new suggestions</source>
        <translation>
            <numerusform>새 제안 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>%n rejected ones</source>
        <translation>
            <numerusform>거절된 제안 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>%n stores</source>
        <translation>
            <numerusform>%n곳</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>%n stores have no purchase history.</source>
        <translation>
            <numerusform>매장 %n곳에 구매 기록이 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>(none)</source>
        <translation>(없음)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>A suggestion is accepted, rejected or put back, not {state}; use the buttons on the page.</source>
        <translation>제안은 수락, 거절, 대기로 되돌리기만 할 수 있으며 {state}은(는) 할 수 없습니다. 페이지의 버튼을 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>A whole number; higher wins when several rules match.</source>
        <translation>정수입니다. 여러 규칙이 일치하면 높은 쪽이 우선합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Accept</source>
        <translation>수락</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Accept one to put it in the group's next release, or reject it.</source>
        <translation>수락하면 그룹의 다음 릴리스에 들어갑니다. 아니면 거절하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Accept with these changes</source>
        <translation>이대로 변경해 수락</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Accepted suggestions go into group {group}'s next release as enabled rules, next to the rules it has. Make that release on {releases_link}, then roll it out.</source>
        <translation>수락한 제안은 {group} 그룹의 다음 릴리스에 기존 규칙과 함께 사용 중인 규칙으로 들어갑니다. {releases_link}에서 그 릴리스를 만든 뒤 배포하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Accepted {name} with your changes: it is yours now (re-learning leaves it alone) and goes into group {group}'s next release.</source>
        <translation>변경 내용과 함께 {name}을(를) 수락했습니다. 이제 직접 관리하는 규칙이며(다시 학습해도 바뀌지 않습니다) {group} 그룹의 다음 릴리스에 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Accepted {name}: it goes into group {group}'s next release; make that release on the releases page.</source>
        <translation>{name}을(를) 수락했습니다. {group} 그룹의 다음 릴리스에 들어갑니다. 릴리스 페이지에서 그 릴리스를 만드십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Age groups (none ticked: anyone)</source>
        <translation>연령대(선택하지 않으면 누구나)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Baskets</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Change a suggestion</source>
        <translation>제안 변경</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Change, then accept</source>
        <translation>변경 후 수락</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Choose a group</source>
        <translation>그룹 선택</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Choose a group to see its suggestions.</source>
        <translation>제안을 보려면 그룹을 선택하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Confidence</source>
        <translation>신뢰도</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Fewest baskets in a context</source>
        <translation>상황별 최소 장바구니 수</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Fewest of them holding the category</source>
        <translation>그중 해당 품목이 든 최소 장바구니 수</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>From (optional)</source>
        <translation>시작(선택)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>From the purchase history of the group's stores. Accepted and rejected suggestions keep their state; the others' numbers are refreshed.</source>
        <translation>그룹 매장의 구매 기록에서 학습합니다. 수락하거나 거절한 제안은 상태를 유지하고, 나머지 제안의 수치는 갱신됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Group {group} has no suggestion {name} (any more); go back to its suggestions.</source>
        <translation>{group} 그룹에는 (더 이상) {name} 제안이 없습니다. 그룹의 제안 목록으로 돌아가십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Last learned</source>
        <translation>마지막 학습</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Last learned on {when} UTC by {person}, from {baskets} of {stores} ({findings} findings), {period}.</source>
        <translation>마지막 학습: {when} UTC, {person}님, 매장 {stores}의 장바구니 {baskets}(결과 {findings}건), {period}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learn again</source>
        <translation>다시 학습</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learn again for {group}</source>
        <translation>{group} 다시 학습</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learn from purchase history</source>
        <translation>구매 기록에서 학습</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Learned from {baskets} of {stores}: {added}, {updated} refreshed, {rejected} not suggested again, {removed} no longer supported removed.</source>
        <translation>매장 {stores}의 장바구니 {baskets}에서 학습했습니다: {added}, 갱신 {updated}개, 다시 제안하지 않은 {rejected}, 더 이상 근거가 없어 삭제 {removed}개.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning did not run: {link}.</source>
        <translation>학습이 실행되지 않았습니다: {link}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning from the purchase history… this takes a few seconds.</source>
        <translation>구매 기록에서 학습하는 중… 몇 초 걸립니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning has not run for {group} yet.</source>
        <translation>{group}에 대해 아직 학습을 실행하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning looks at the purchase history of a group's stores for what some shoppers buy more often at some times, and suggests a rule that shows them a matching playlist then. Nothing plays until you accept a suggestion and the group's next release goes out.</source>
        <translation>학습은 그룹 매장의 구매 기록에서 어떤 고객이 어느 시간에 무엇을 더 자주 사는지 찾아, 그때 알맞은 재생 목록을 보여 주는 규칙을 제안합니다. 제안을 수락하고 그룹의 다음 릴리스가 배포되기 전까지는 아무것도 재생되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Learning never suggests these again (put one back to change that).</source>
        <translation>학습은 이 제안을 다시 하지 않습니다(바꾸려면 대기로 되돌리십시오).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Lift</source>
        <translation>향상도</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Lift, 95% lower bound</source>
        <translation>향상도 95% 하한</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Lowest lift</source>
        <translation>최소 향상도</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Lowest support (share of all baskets)</source>
        <translation>최소 지지도(전체 장바구니 중 비율)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <source>Next release of {group}</source>
        <translation>{group}의 다음 릴리스</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>No suggestion is accepted yet.</source>
        <translation>아직 수락한 제안이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>No suggestion was rejected.</source>
        <translation>거절한 제안이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Nothing is waiting: every suggestion of the last run is decided, or the data supported none (try lower thresholds).</source>
        <translation>대기 중인 제안이 없습니다. 지난 학습의 제안을 모두 결정했거나 데이터가 뒷받침하는 제안이 없었습니다(기준값을 낮춰 보십시오).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Now: {rule}</source>
        <translation>현재: {rule}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Of {baskets} baskets in this context, {with_category} ({confidence}) held {category}, against {average} of all the group's baskets: {lift}x as often (the lift). With 95% confidence it is at least {lower}x. Such baskets with {category} are {support} of all baskets (the support).</source>
        <translation>이 상황의 장바구니 {baskets}개 중 {with_category}개({confidence})에 {category}이(가) 들어 있었습니다. 그룹 전체 장바구니의 {average}와(과) 비교하면 {lift}배 자주 산 것입니다(향상도). 95% 신뢰 수준에서 최소 {lower}배입니다. 이 상황에서 {category}이(가) 든 장바구니는 전체 장바구니의 {support}입니다(지지도).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Once you change a suggestion it is yours: re-learning will not change it again.</source>
        <translation>제안을 변경하면 직접 관리하는 규칙이 됩니다. 다시 학습해도 바뀌지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Plays {playlist} at priority {priority} when: {conditions}.</source>
        <translation>다음 조건에서 우선순위 {priority}(으)로 {playlist}을(를) 재생합니다: {conditions}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Put back to waiting</source>
        <translation>대기로 되돌리기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Reject</source>
        <translation>거절</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Rejected</source>
        <translation>거절됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Rejected {name}: learning will not suggest it again.</source>
        <translation>{name}을(를) 거절했습니다. 학습은 이 제안을 다시 하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Rule {name}.</source>
        <translation>규칙 {name}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Run learning to get suggestions.</source>
        <translation>학습을 실행하면 제안을 받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>See the rules the next release gets</source>
        <translation>다음 릴리스에 들어갈 규칙 보기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Store groups</source>
        <translation>매장 그룹</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Suggestions</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Suggestions for {group}</source>
        <translation>{group}의 제안</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Support</source>
        <translation>지지도</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>The group has no release yet, so no finding became a rule: make a release with playlists first.</source>
        <translation>그룹에 아직 릴리스가 없어 규칙이 된 결과가 없습니다. 먼저 재생 목록이 있는 릴리스를 만드십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <source>The group's current release with its accepted suggestions as enabled rules. Make the release from it on {releases_link}.</source>
        <translation>그룹의 현재 릴리스에 수락한 제안을 사용 중인 규칙으로 더한 것입니다. {releases_link}에서 이것으로 릴리스를 만드십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>The rule is not saved: correct what is marked below.</source>
        <translation>규칙이 저장되지 않았습니다. 아래 표시된 곳을 고치십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <source>The rules {group}'s next release gets</source>
        <translation>{group}의 다음 릴리스에 들어갈 규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>There are no store groups yet: an admin makes them (signage server, or POST /api/v1/groups), then learning can run for one.</source>
        <translation>아직 매장 그룹이 없습니다. 관리자가 그룹을 만들면(signage server 또는 POST /api/v1/groups) 그룹별로 학습을 실행할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>These go into the group's next release as enabled rules.</source>
        <translation>그룹의 다음 릴리스에 사용 중인 규칙으로 들어갑니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Thresholds (leave empty for the defaults)</source>
        <translation>기준값(비워 두면 기본값)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Until, not included (optional)</source>
        <translation>끝, 해당일 제외(선택)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Waiting for a decision</source>
        <translation>결정 대기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>What happens next</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Windows like 15:00-18:00, separated by commas; empty: any time of day. In each store's own time.</source>
        <translation>15:00-18:00 같은 시간 범위를 쉼표로 구분합니다. 비워 두면 하루 종일입니다. 각 매장의 현지 시각 기준입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>With {category}</source>
        <translation>{category} 포함</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>You are signed in as a {role}: editors accept, reject and run learning.</source>
        <translation>{role} 역할로 로그인되어 있습니다. 수락, 거절, 학습 실행은 편집자가 합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>all the history</source>
        <translation>전체 기록</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>correct what is marked under “Learn again”</source>
        <translation>“다시 학습” 아래 표시된 곳을 고치십시오</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>from {start} until {end}</source>
        <translation>{start}부터 {end}까지</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>never</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>rejected</source>
        <translation>거절됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>the end</source>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>the releases page of {group}</source>
        <translation>{group} 릴리스 페이지</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>the start</source>
        <translation>처음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>waiting</source>
        <translation>대기</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>{group} ({count} waiting)</source>
        <translation>{group}(대기 {count}개)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>{name} is waiting for a decision again.</source>
        <translation>{name}이(가) 다시 결정을 기다립니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>{state}, edited</source>
        <translation>{state}, 변경됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>{value} is not a number; correct it or leave it empty.</source>
        <translation>{value}은(는) 숫자가 아닙니다. 고치거나 비워 두십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>{value} is not a whole number; correct it or leave it empty.</source>
        <translation>{value}은(는) 정수가 아닙니다. 고치거나 비워 두십시오.</translation>
    </message>
</context>
<context>
    <name>console.words</name>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Fri</source>
        <translation>금</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Mon</source>
        <translation>월</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Sat</source>
        <translation>토</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Sun</source>
        <translation>일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Thu</source>
        <translation>목</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Tue</source>
        <translation>화</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Wed</source>
        <translation>수</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>always</source>
        <translation>항상</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>every day</source>
        <translation>매일</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>female</source>
        <translation>여성</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>groups of {low} or more</source>
        <translation>{low}명 이상 일행</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>groups of {low} to {high}</source>
        <translation>{low}–{high}명 일행</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>learned</source>
        <translation>학습됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>learned, then edited</source>
        <translation>학습 후 수정됨</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>male</source>
        <translation>남성</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>not known</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>play once</source>
        <translation>한 번만 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>someone present</source>
        <translation>누군가 있을 때</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>start again</source>
        <translation>처음부터 다시</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>staying {seconds} s or more</source>
        <translation>{seconds}초 이상 머묾</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>wearing {attire}</source>
        <translation>{attire} 차림</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>written by hand</source>
        <translation>직접 작성</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>{start} to {end}</source>
        <translation>{start}부터 {end}까지</translation>
    </message>
</context>
</TS>
