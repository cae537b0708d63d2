<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en_US">
<context>
    <name>editor</name>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing} the file: {error}.</source>
        <translation>파일에 대해 다음 작업을 하지 못했습니다: {doing}. {error}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: an unexpected problem ({kind}: {error}).</source>
        <translation>다음 작업을 하지 못했습니다: {doing}. 예상하지 못한 문제가 생겼습니다({kind}: {error}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: it no longer exists. Someone may have deleted it. ({error})</source>
        <translation>다음 작업을 하지 못했습니다: {doing}. 이 항목이 더 이상 없습니다. 다른 사람이 삭제했을 수 있습니다. ({error})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: someone else changed this while you were editing ({error}). Reload to see their change, then make yours again.</source>
        <translation>다음 작업을 하지 못했습니다: {doing}. 편집하는 동안 다른 사람이 이 항목을 바꾸었습니다({error}). 다시 불러와 바뀐 내용을 확인한 뒤 변경을 다시 해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: {error}.</source>
        <translation>다음 작업을 하지 못했습니다: {doing}. {error}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>save</source>
        <translation>저장</translation>
    </message>
</context>
<context>
    <name>editor.content</name>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>18+</source>
        <translation>18+</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Add images (PNG, JPEG, WebP) or videos (MP4, WebM, MOV, AVI). Each file is copied into the library folder, so the original may be moved or deleted afterwards.</source>
        <translation>이미지(PNG, JPEG, WebP)나 동영상(MP4, WebM, MOV, AVI)을 추가합니다. 파일은 라이브러리 폴더로 복사되므로 원본은 나중에 옮기거나 삭제해도 됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Adults only (18+)</source>
        <translation>성인 전용(18+)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Content</source>
        <translation>콘텐츠</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Content library</source>
        <translation>콘텐츠 라이브러리</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Copying {file} into the library…</source>
        <translation>{file}을(를) 라이브러리로 복사하는 중입니다…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Could not import {file}: {reason}.</source>
        <translation>{file}을(를) 가져오지 못했습니다: {reason}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Could not remove {name}: {reason}</source>
        <translation>{name}을(를) 삭제하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Could not save {name}: {reason}</source>
        <translation>{name}을(를) 저장하지 못했습니다: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Discard changes</source>
        <translation>변경 취소</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Discard your unsaved changes to {name}?</source>
        <translation>{name}의 저장하지 않은 변경 내용을 버리시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Drop image and video files here to import them.</source>
        <translation>이미지와 동영상 파일을 여기에 끌어다 놓으면 가져옵니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>For alcohol, tobacco or lottery ads: never shown while the camera sees someone who may be a minor.</source>
        <translation>주류, 담배, 복권 광고용입니다. 카메라에 미성년자일 수 있는 사람이 보이는 동안에는 노출되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Give the item a title: the editor and the reports show it.</source>
        <translation>항목의 제목을 입력해 주십시오. 편집기와 보고서에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Images and videos ({patterns});;All files (*)</source>
        <translation>이미지와 동영상 ({patterns});;모든 파일 (*)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Import file…</source>
        <translation>파일 가져오기…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Import into the content library</source>
        <translation>콘텐츠 라이브러리로 가져오기</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Imported %n files into the content library: {names}.</source>
        <translation>
            <numerusform>콘텐츠 라이브러리로 파일 %n개를 가져왔습니다: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Item {name}</source>
        <translation>항목 {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Item {name} (not saved)</source>
        <translation>항목 {name} (저장 안 됨)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Length</source>
        <translation>길이</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>저장되지 않았습니다. 빨간색으로 표시된 칸을 고쳐 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Remove the item from the library. Refused while playlists list it.</source>
        <translation>라이브러리에서 항목을 삭제합니다. 재생 목록에 들어 있는 동안에는 삭제할 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Remove {name} from the content library? Its file stays in the library folder.</source>
        <translation>콘텐츠 라이브러리에서 {name}을(를) 삭제하시겠습니까? 파일은 라이브러리 폴더에 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Removed {name} from the content library.</source>
        <translation>콘텐츠 라이브러리에서 {name}을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Remove…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Save item</source>
        <translation>항목 저장</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Save this item's settings (Ctrl+S). The player uses them at once.</source>
        <translation>이 항목의 설정을 저장합니다(Ctrl+S). 플레이어에 바로 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Saved {name}. The player uses the new settings at once.</source>
        <translation>{name}을(를) 저장했습니다. 새 설정이 플레이어에 바로 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Separate tags with commas; each tag needs at least one letter or digit.</source>
        <translation>태그는 쉼표로 구분하며, 각 태그에는 글자나 숫자가 하나 이상 있어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Showing the item as it is saved.</source>
        <translation>저장된 상태의 항목을 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Shown</source>
        <translation>노출 기간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Shown from</source>
        <translation>노출 시작일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Shown until</source>
        <translation>노출 종료일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Tags</source>
        <translation>태그</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The first day the ad may be shown (included).</source>
        <translation>광고를 노출할 수 있는 첫날입니다(당일 포함).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The last day comes before the first day ({start}).</source>
        <translation>종료일이 시작일({start})보다 앞섭니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The last day the ad may be shown (included).</source>
        <translation>광고를 노출할 수 있는 마지막 날입니다(당일 포함).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The library is empty: import a file, or drop one here.</source>
        <translation>라이브러리가 비어 있습니다. 파일을 가져오거나 여기에 끌어다 놓으십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The name of the ad as people in the shop say it.</source>
        <translation>매장에서 부르는 광고 이름입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Title</source>
        <translation>제목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Words that group ads, separated by commas. Rules and playlists can pick ads by tag; the tag alcohol marks drinks for adults.</source>
        <translation>광고를 묶는 단어로, 쉼표로 구분합니다. 규칙과 재생 목록은 태그로 광고를 고를 수 있으며, alcohol 태그는 성인용 주류를 뜻합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>YYYY-MM-DD, empty: no limit</source>
        <translation>YYYY-MM-DD, 비워 두면 제한 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>always</source>
        <translation>항상</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>for example snacks, sweets</source>
        <translation>예: snacks, sweets</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>from {start}</source>
        <translation>{start}부터</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>it is a folder; import its files, or use signage content scan</source>
        <translation>폴더입니다. 폴더 안의 파일을 가져오거나 signage content scan을 사용하십시오</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>until {end}</source>
        <translation>{end}까지</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{file} is already in the library as {name}.</source>
        <translation>{file}은(는) 이미 라이브러리에 {name}(으)로 있습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{name} cannot be removed: it is in %n playlists ({playlists}). Take it out of them first.</source>
        <translation>
            <numerusform>{name}은(는) 재생 목록 %n개({playlists})에 들어 있어 삭제할 수 없습니다. 먼저 재생 목록에서 빼 주십시오.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{name}: {kind}, {seconds}.</source>
        <translation>{name}: {kind}, {seconds}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{name}: {kind}, {seconds}. File: {file}</source>
        <translation>{name}: {kind}, {seconds}. 파일: {file}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{start} to {end}</source>
        <translation>{start} ~ {end}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{value} is not a date: write it as YYYY-MM-DD, for example 2026-12-31.</source>
        <translation>{value}은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 입력해 주십시오(예: 2026-12-31).</translation>
    </message>
</context>
<context>
    <name>editor.playlists</name>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Add from the library</source>
        <translation>라이브러리에서 추가</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Add item</source>
        <translation>항목 추가</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Add the selected library item at the end of the playlist.</source>
        <translation>선택한 라이브러리 항목을 재생 목록 끝에 추가합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Delete the playlist {name}? The player stops using it at once.</source>
        <translation>재생 목록 {name}을(를) 삭제하시겠습니까? 플레이어는 즉시 이 목록을 더 이상 사용하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Deleted the playlist {name}.</source>
        <translation>재생 목록 {name}을(를) 삭제했습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Delete…</source>
        <translation>삭제…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Discard changes</source>
        <translation>변경 취소</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Discard your unsaved changes to the playlist {name}?</source>
        <translation>재생 목록 {name}의 저장하지 않은 변경 내용을 버리시겠습니까?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Drag an item onto the playlist's items to add it there, or select it and press Add item.</source>
        <translation>항목을 재생 목록의 원하는 위치로 끌어다 놓거나, 선택한 뒤 항목 추가를 누르십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Drag items to change the order they play in; drop items of the library here to add them.</source>
        <translation>항목을 끌어서 재생 순서를 바꿀 수 있습니다. 라이브러리 항목을 여기에 놓으면 추가됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Forget the changes and show the playlist as it is saved now.</source>
        <translation>변경 내용을 버리고 현재 저장된 재생 목록을 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>How long this item shows in this playlist. Lowest value: the item's own length.</source>
        <translation>이 재생 목록에서 항목을 표시할 시간입니다. 가장 낮은 값은 항목의 원래 길이입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Items</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Items of {name}</source>
        <translation>{name}의 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Items of {name} (not saved)</source>
        <translation>{name}의 항목 (저장 안 됨)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Loop: start again after the last item</source>
        <translation>반복: 마지막 항목 다음에 처음부터 다시 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Name of the new playlist (lower-case letters, digits and _):</source>
        <translation>새 재생 목록 이름(영문 소문자, 숫자, _):</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>New playlist</source>
        <translation>새 재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>New playlist {name}: add items, then Save.</source>
        <translation>새 재생 목록 {name}: 항목을 추가한 뒤 저장하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>New…</source>
        <translation>새로 만들기…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Play once, then let the rules choose again</source>
        <translation>한 번 재생한 뒤 규칙이 다시 선택</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Play the playlist as it is on screen in a small window, each item for its display time, without sound.</source>
        <translation>화면에 보이는 재생 목록을 작은 창에서 소리 없이, 항목마다 표시 시간만큼 재생합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Playlists</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Preview playlist…</source>
        <translation>재생 목록 미리 보기…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Redo</source>
        <translation>다시 실행</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Redo: {edit} (Ctrl+Shift+Z)</source>
        <translation>다시 실행: {edit} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Remove item</source>
        <translation>항목 삭제</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Save</source>
        <translation>저장</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Save playlist</source>
        <translation>재생 목록 저장</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Save this playlist (Ctrl+S). The player picks it up at once.</source>
        <translation>이 재생 목록을 저장합니다(Ctrl+S). 플레이어에 바로 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Saved {name}. The player picks it up at once.</source>
        <translation>{name}을(를) 저장했습니다. 플레이어에 바로 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Set as default</source>
        <translation>기본으로 지정</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Show for</source>
        <translation>표시 시간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Showing the playlist as it is saved.</source>
        <translation>저장된 상태의 재생 목록을 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>The default playlist plays whenever no rule matches.</source>
        <translation>기본 재생 목록은 맞는 규칙이 없을 때 재생됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>The new playlist {name} was never saved: it is gone.</source>
        <translation>새 재생 목록 {name}은(는) 저장된 적이 없어 사라졌습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>There is already a playlist called {name}: choose another name.</source>
        <translation>{name}(이)라는 재생 목록이 이미 있습니다. 다른 이름을 정해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Titles, tags, dates and importing: the Content tab.</source>
        <translation>제목, 태그, 날짜, 파일 가져오기는 콘텐츠 탭에서 합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Undo: {edit} (Ctrl+Z)</source>
        <translation>실행 취소: {edit} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>add an item</source>
        <translation>항목 추가</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>change a display time</source>
        <translation>표시 시간 변경</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>change the loop policy</source>
        <translation>반복 방식 변경</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>image</source>
        <translation>이미지</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>its own length</source>
        <translation>원래 길이</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>move an item</source>
        <translation>항목 이동</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>no tags</source>
        <translation>태그 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>remove an item</source>
        <translation>항목 삭제</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>text slide</source>
        <translation>텍스트 슬라이드</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name}
not in the content library: the player skips it</source>
        <translation>{name}
콘텐츠 라이브러리에 없어 플레이어가 건너뜁니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} (default)</source>
        <translation>{name} (기본)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} (new, not saved)</source>
        <translation>{name} (새 목록, 저장 안 됨)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} cannot be deleted: %n rules play it ({rules}). Change or delete those rules first.</source>
        <translation>
            <numerusform>{name}은(는) 규칙 %n개({rules})가 재생하고 있어 삭제할 수 없습니다. 먼저 해당 규칙을 바꾸거나 삭제해 주십시오.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} cannot be deleted: it is the default playlist, which plays whenever no rule matches. Make another playlist the default first.</source>
        <translation>{name}은(는) 맞는 규칙이 없을 때 재생되는 기본 재생 목록이어서 삭제할 수 없습니다. 먼저 다른 재생 목록을 기본으로 지정해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} is now the default: it plays whenever no rule matches.</source>
        <translation>이제 {name}이(가) 기본 재생 목록입니다. 맞는 규칙이 없을 때 재생됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{seconds} (own length {own})</source>
        <translation>{seconds} (원래 길이 {own})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
</context>
<context>
    <name>editor.preview</name>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Close</source>
        <translation>닫기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Finished: this playlist plays once, then the rules choose again.</source>
        <translation>재생이 끝났습니다. 이 재생 목록은 한 번 재생한 뒤 규칙이 다시 선택합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Item {number} of {count}: {title}, {seconds} s</source>
        <translation>{count}개 중 {number}번째 항목: {title}, {seconds}초</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Nothing to play: none of the playlist's items is in the content library.</source>
        <translation>재생할 항목이 없습니다. 재생 목록의 항목이 하나도 콘텐츠 라이브러리에 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Play from the start</source>
        <translation>처음부터 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Preview of {playlist}</source>
        <translation>{playlist} 미리 보기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Stop</source>
        <translation>정지</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Stopped.</source>
        <translation>정지했습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>The file {file} cannot be read.</source>
        <translation>파일 {file}을(를) 읽을 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>The file {file} is missing.</source>
        <translation>파일 {file}이(가) 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>The video {file} cannot be played: {reason}</source>
        <translation>동영상 {file}을(를) 재생할 수 없습니다: {reason}</translation>
    </message>
</context>
<context>
    <name>editor.reports</name>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(all)</source>
        <translation>(전체)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(default playlist)</source>
        <translation>(기본 재생 목록)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(no camera signal)</source>
        <translation>(카메라 신호 없음)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(nobody)</source>
        <translation>(아무도 없음)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(nothing playable)</source>
        <translation>(재생할 수 있는 것 없음)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Ad</source>
        <translation>광고</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Attention (s)</source>
        <translation>주목 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Attention: seconds a person faced the screen during a play, on average per opportunity.</source>
        <translation>주목 시간: 재생 중에 한 사람이 화면을 바라본 시간(초)으로, 노출 기회당 평균입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Attention: who could see it, who looked</source>
        <translation>주목도: 볼 수 있었던 사람과 실제로 본 사람</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>By ad</source>
        <translation>광고별</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>By playlist</source>
        <translation>재생 목록별</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>By rule</source>
        <translation>규칙별</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Could not export {path}: {error}.</source>
        <translation>{path}(으)로 내보내지 못했습니다: {error}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Dwell (s)</source>
        <translation>체류 시간(초)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Dwell: seconds a person stood in front of the screen during a play, on average per opportunity.</source>
        <translation>체류 시간: 재생 중에 한 사람이 화면 앞에 머문 시간(초)으로, 노출 기회당 평균입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Export CSV</source>
        <translation>CSV로 내보내기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Export CSV…</source>
        <translation>CSV로 내보내기…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Exported %n rows to {path}.</source>
        <translation>
            <numerusform>{path}에 %n행을 내보냈습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>For each hour, the share of the camera's audience samples in which each group was the largest in front of the screen.</source>
        <translation>시간대마다 카메라의 방문객 기록 중 각 집단이 화면 앞에서 가장 많았던 비율입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>From</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>From the first play</source>
        <translation>첫 재생부터</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>From {start} to {end}: %n plays, {duration} on screen.</source>
        <translation>
            <numerusform>{start}부터 {end}까지: 재생 %n회, 화면에 나온 시간 {duration}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads each rule put on screen, and how many times its playlist started from the beginning.</source>
        <translation>규칙마다 화면에 광고를 몇 번 내보냈는지, 재생 목록을 처음부터 몇 번 시작했는지 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads it put on screen.</source>
        <translation>이 규칙이 화면에 내보낸 광고 수입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads of each playlist were shown, and for how long in all.</source>
        <translation>재생 목록마다 광고가 몇 번, 모두 얼마 동안 나갔는지 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads the screen showed in each hour of the day, over the whole period.</source>
        <translation>기간 전체에 걸쳐 하루의 시간대마다 화면에 광고가 몇 번 나갔는지 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many times an ad was shown in the period.</source>
        <translation>이 기간에 광고가 나간 횟수입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many times its playlist started from the first ad.</source>
        <translation>재생 목록이 첫 광고부터 시작된 횟수입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How much the ads were seen: how many people stood in front of the screen while an ad played (opportunities to see), how many of them looked at it, and for how long.</source>
        <translation>광고가 얼마나 보였는지 보여 줍니다. 광고가 나가는 동안 화면 앞에 선 사람 수(노출 기회), 그중 화면을 본 사람 수와 본 시간입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How often each rule played</source>
        <translation>규칙별 재생 횟수</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown</source>
        <translation>재생된 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown and playlist starts per rule</source>
        <translation>규칙별 재생된 항목과 재생 목록 시작</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown per hour of the day</source>
        <translation>시간대별 재생된 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown per playlist</source>
        <translation>재생 목록별 재생된 항목</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>최근 %n일</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Measured</source>
        <translation>측정된 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Minutes on screen</source>
        <translation>화면에 나온 시간(분)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Minutes on screen per playlist</source>
        <translation>재생 목록별 화면에 나온 시간(분)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>No measured plays from {start} to {end}: %n plays, none of them with audience snapshots (attention is measured only while the audience camera runs).</source>
        <translation>
            <numerusform>{start}부터 {end}까지 측정된 재생이 없습니다. 재생 %n회 모두 방문객 기록이 없습니다(주목도는 방문객 카메라가 켜져 있을 때만 측정됩니다).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>No plays from {start} to {end}.</source>
        <translation>{start}부터 {end}까지 재생이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>No plays logged in this period. The player logs every item it shows.</source>
        <translation>이 기간에 기록된 재생이 없습니다. 플레이어는 보여 주는 모든 항목을 기록합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Nothing is logged yet: the player logs every item it shows.</source>
        <translation>아직 기록된 것이 없습니다. 플레이어는 보여 주는 모든 항목을 기록합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Of those people, how many faced the screen for at least 1 second during the play.</source>
        <translation>그중 재생 중에 1초 이상 화면을 바라본 사람 수입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Opportunities</source>
        <translation>노출 기회</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Opportunities to see: the people in front of the screen while a measured play was on, added up over the plays (one person during two plays counts twice).</source>
        <translation>노출 기회: 측정된 재생이 나가는 동안 화면 앞에 있던 사람 수를 재생마다 더한 값입니다(한 사람이 두 번의 재생 동안 있었으면 두 번 셉니다).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Opportunities to see: {opportunities}; viewers: {viewers} ({share}).</source>
        <translation>노출 기회: {opportunities}, 시청자: {viewers}({share}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Per opportunity, {attention} s of attention and {dwell} s of dwell.</source>
        <translation>노출 기회당 주목 시간은 {attention}초, 체류 시간은 {dwell}초입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Playlist</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Playlist starts</source>
        <translation>재생 목록 시작</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays</source>
        <translation>재생</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays and time per playlist</source>
        <translation>재생 목록별 재생 횟수와 시간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays during which the audience camera was running. The other figures count these plays only: a play nobody measured is not a play nobody saw.</source>
        <translation>방문객 카메라가 켜져 있던 동안의 재생입니다. 다른 수치는 이 재생만 셉니다. 측정하지 않은 재생이 아무도 보지 않은 재생이라는 뜻은 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays per hour</source>
        <translation>시간대별 재생</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Reports</source>
        <translation>보고서</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Save the rows of this report in a file a spreadsheet opens.</source>
        <translation>이 보고서의 행을 스프레드시트에서 열 수 있는 파일로 저장합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Share of audience samples (%)</source>
        <translation>방문객 기록 비율(%)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The camera logged %n audience samples.</source>
        <translation>
            <numerusform>카메라가 방문객 기록을 %n건 남겼습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The first day of the period.</source>
        <translation>기간의 첫날입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The group seen most often at each hour of each weekday; point at a cell for the count.</source>
        <translation>요일과 시간대마다 가장 자주 보인 집단입니다. 칸에 마우스를 올리면 횟수가 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The last day of the period (included).</source>
        <translation>기간의 마지막 날입니다(이날도 포함합니다).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The rule that put the playlist on screen.</source>
        <translation>재생 목록을 화면에 내보낸 규칙입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Viewer share</source>
        <translation>시청 비율</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Viewers</source>
        <translation>시청자</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Viewers out of opportunities: 50% means half of the people who could see it looked at it.</source>
        <translation>노출 기회 중 시청자의 비율입니다. 50%는 볼 수 있었던 사람의 절반이 실제로 보았다는 뜻입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>What each row of the table is: a rule, a playlist or an ad.</source>
        <translation>표의 각 행이 무엇인지 고릅니다: 규칙, 재생 목록 또는 광고.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>What the row counts; the last row, (all), adds up every play.</source>
        <translation>이 행이 세는 대상입니다. 마지막 행 (전체)는 모든 재생을 더한 값입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Who was there most, by weekday and hour</source>
        <translation>요일·시간대별로 가장 많았던 방문객</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Who was there, by hour</source>
        <translation>시간대별 방문객</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>through</source>
        <translation>~</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{day} {hours}: {who} in {count} of %n audience samples</source>
        <translation>
            <numerusform>{day} {hours}: 방문객 기록 %n건 중 {count}건이 {who}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours}시간 {minutes}분</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{measured} of %n plays from {start} to {end} were measured.</source>
        <translation>
            <numerusform>{start}부터 {end}까지 재생 %n회 중 {measured}회가 측정되었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes}분 {seconds}초</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{seconds} s</source>
        <translation>{seconds}초</translation>
    </message>
</context>
<context>
    <name>editor.rule_form</name>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source> plays per hour</source>
        <translation>회/시간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>&amp;Name</source>
        <translation>이름(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>&amp;Playlist</source>
        <translation>재생 목록(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>&amp;Share (weight)</source>
        <translation>비중(가중치)(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A name can have at most %n characters.</source>
        <translation>
            <numerusform>이름은 최대 %n자까지 쓸 수 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A name cannot start or end with a space.</source>
        <translation>이름은 공백으로 시작하거나 끝날 수 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A name must be one line of ordinary characters.</source>
        <translation>이름은 일반 문자로 된 한 줄이어야 합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A rule keeps its name; use Duplicate for a new name.</source>
        <translation>규칙의 이름은 바꿀 수 없습니다. 새 이름이 필요하면 복제를 사용하십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A rule needs a name.</source>
        <translation>규칙에 이름이 필요합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Add time window</source>
        <translation>시간대 추가</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>After its playlist starts, the rule rests this long before it can start again; meanwhile other rules play. 'none' is no rest.</source>
        <translation>재생 목록이 시작된 뒤 다시 시작하기까지 규칙이 이만큼 쉽니다. 그동안 다른 규칙이 재생됩니다. '없음'이면 쉬지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Age groups</source>
        <translation>연령대</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>All day (no time windows).</source>
        <translation>종일(시간대 없음).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>At most</source>
        <translation>최대</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Dates</source>
        <translation>기간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Days</source>
        <translation>요일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Edit rule {name}</source>
        <translation>규칙 {name} 편집</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Edit rule {name} (version {version})</source>
        <translation>규칙 {name} 편집(버전 {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Enabled (the player uses this rule)</source>
        <translation>켜짐(플레이어가 이 규칙을 사용함)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Free text for your team: why the rule exists. The player ignores it.</source>
        <translation>팀을 위한 자유 메모입니다. 규칙을 만든 이유 등을 적습니다. 플레이어는 사용하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Fri</source>
        <translation>금</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>From</source>
        <translation>시작일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Group of at least</source>
        <translation>최소 인원</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Higher wins, and {priority} is the highest priority a rule can have. %n of your rules already has it ({names}): when this rule and one of them match, the player draws between them by weight. To put this rule first, lower {names}.</source>
        <translation>
            <numerusform>높을수록 먼저 선택되며, {priority}은(는) 규칙에 지정할 수 있는 가장 높은 우선순위입니다. 이미 규칙 %n개가 이 우선순위를 사용합니다({names}). 이 규칙과 그중 하나가 함께 해당되면 플레이어가 가중치에 따라 추첨합니다. 이 규칙을 먼저 선택되게 하려면 {names}의 우선순위를 낮추십시오.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Higher wins.</source>
        <translation>높을수록 먼저 선택됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Higher wins. Your rules use {low} to {high}: {where}</source>
        <translation>높을수록 먼저 선택됩니다. 현재 규칙의 우선순위는 {low}~{high}입니다. {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>How often</source>
        <translation>재생 빈도</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>How the screen is shared with other rules of the same priority that fit at the same time: 1 is usual, 2 plays twice as often as a rule with 1.</source>
        <translation>같은 시간에 맞는, 우선순위가 같은 다른 규칙과 화면을 나누는 비율입니다. 보통 1이며, 2는 1인 규칙보다 두 배 자주 재생됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Limit</source>
        <translation>제한</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Mon</source>
        <translation>월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>N&amp;ote</source>
        <translation>메모(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>New rule</source>
        <translation>새 규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>New rule {name} (the stored one was deleted)</source>
        <translation>새 규칙 {name}(저장되어 있던 규칙은 삭제됨)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>P&amp;riority</source>
        <translation>우선순위(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only for people wearing one of the ticked kinds of clothes.</source>
        <translation>체크한 복장 중 하나를 입은 사람에게만 재생합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only once someone has stood in front of the screen this long: for passers-by who stop.</source>
        <translation>누군가 화면 앞에 이만큼 머문 뒤에만 재생합니다. 멈춰 선 행인을 위한 조건입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only when at least this many people are in front of the screen together. 'any' also plays when nobody is there.</source>
        <translation>화면 앞에 적어도 이만큼의 사람이 함께 있을 때만 재생합니다. '제한 없음'이면 아무도 없을 때도 재생합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only when someone of a ticked age group is in front of the screen, as the camera estimates it. Hover an age group for its ages.</source>
        <translation>카메라가 추정하기에 체크한 연령대의 사람이 화면 앞에 있을 때만 재생합니다. 연령대 위에 마우스를 올리면 나이 범위가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only when the people in front of the screen came like this: on their own, an adult with a child, a group of minors or of adults.</source>
        <translation>화면 앞의 사람들이 이렇게 왔을 때만 재생합니다: 혼자, 아이와 함께 온 어른, 미성년자 일행, 어른 일행.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play the rule only between two times of the day</source>
        <translation>하루 중 두 시각 사이에만 규칙을 재생합니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Plays {playlist} for {who}, {when}.</source>
        <translation>{who}에게 {when} {playlist}을(를) 재생합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Remove this time window</source>
        <translation>이 시간대 제거</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Rest after playing</source>
        <translation>재생 후 쉬는 시간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Runs over midnight, until {time} the next day.</source>
        <translation>자정을 넘겨 다음 날 {time}까지 재생합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Runs until midnight.</source>
        <translation>자정까지 재생합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Sat</source>
        <translation>토</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Someone on their own is never a group of 2 or more: untick it or lower the group size.</source>
        <translation>혼자 온 사람은 2명 이상의 일행이 될 수 없습니다. 체크를 풀거나 최소 인원을 낮춰 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Staying at least</source>
        <translation>최소 체류 시간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Sun</source>
        <translation>일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The days of the week the rule plays on; none ticked is every day.</source>
        <translation>규칙이 재생되는 요일입니다. 아무것도 체크하지 않으면 매일입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The first and the last day of a campaign (both included); unticked is no limit.</source>
        <translation>캠페인의 첫날과 마지막 날입니다(두 날 모두 포함). 체크하지 않으면 제한이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The first minute the rule plays, each day it applies</source>
        <translation>규칙이 적용되는 날마다 재생을 시작하는 시각</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The hours of the day the rule plays; none is all day.</source>
        <translation>규칙이 재생되는 하루 중 시간대입니다. 없으면 종일입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The last day is before the first day.</source>
        <translation>종료일이 시작일보다 앞섭니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The minute it stops; earlier than the start means it runs over midnight</source>
        <translation>재생을 멈추는 시각. 시작보다 이르면 자정을 넘겨 재생됩니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The most times the rule may start its playlist in any hour.</source>
        <translation>한 시간 동안 규칙이 재생 목록을 시작할 수 있는 최대 횟수입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The playlist '{playlist}' no longer exists: choose another one.</source>
        <translation>재생 목록 '{playlist}'이(가) 더 이상 없습니다. 다른 재생 목록을 선택해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The rule's name, as the history, the reports and the CLI show it. Letters, digits and _ read best: students_after_school.</source>
        <translation>변경 기록, 보고서, CLI에 표시되는 규칙 이름입니다. 영문자, 숫자, _를 쓰면 읽기 좋습니다: students_after_school.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The share must be above 0 (1 is usual; 2 plays twice as often).</source>
        <translation>비중은 0보다 커야 합니다(보통 1이며, 2는 두 배 자주 재생됩니다).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>There are no playlists yet: make one in the Playlists tab first.</source>
        <translation>아직 재생 목록이 없습니다. 먼저 재생 목록 탭에서 만들어 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This name is taken by another rule.</source>
        <translation>다른 규칙이 이미 이 이름을 쓰고 있습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This rule can never win: %n rules with a higher priority and the same or broader audience and times always win first, the highest {winner} (priority {priority}). Give this rule a priority above {priority}.</source>
        <translation>
            <numerusform>이 규칙은 절대 선택되지 않습니다. 대상과 시간이 같거나 더 넓고 우선순위가 더 높은 규칙 %n개가 항상 먼저 선택됩니다(가장 높은 것은 {winner}, 우선순위 {priority}). 이 규칙의 우선순위를 {priority}보다 높게 지정해 주십시오.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This rule can never win: {winner} (priority {priority}) plays for {who}, {when}, which includes everyone and every time this rule is for, and its higher priority always wins first. Give this rule a priority above {priority}, or narrow {winner}.</source>
        <translation>이 규칙은 절대 선택되지 않습니다. {winner}(우선순위 {priority})은(는) {who}에게 {when} 재생되며, 이 규칙의 대상과 시간을 모두 포함하고 우선순위가 더 높아 항상 먼저 선택됩니다. 이 규칙의 우선순위를 {priority}보다 높게 하거나 {winner}의 조건을 좁혀 주십시오.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This rule is for groups of at most %n: the smallest group cannot be larger.</source>
        <translation>
            <numerusform>이 규칙은 최대 %n명 일행을 위한 규칙입니다. 최소 인원이 이보다 클 수 없습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This time window is empty: it starts and ends at {time}. Remove it for all day.</source>
        <translation>이 시간대는 비어 있습니다. {time}에 시작하고 끝납니다. 종일 재생하려면 제거해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This time window is listed twice (also number {number}).</source>
        <translation>이 시간대가 두 번 들어 있습니다({number}번째와 같음).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Thu</source>
        <translation>목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Times</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Tue</source>
        <translation>화</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Unticked, the rule is kept but the player ignores it.</source>
        <translation>체크를 풀면 규칙은 남아 있지만 플레이어가 사용하지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Until</source>
        <translation>종료일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Wearing</source>
        <translation>복장</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Wed</source>
        <translation>수</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>What the screen plays while this rule wins. Ads marked 18+ in it are never shown while a minor may be watching (the minors guardrail), whatever the rule says.</source>
        <translation>이 규칙이 선택되어 있는 동안 화면에 재생되는 내용입니다. 그 안의 18+ 광고는 규칙과 상관없이 미성년자가 볼 수 있는 동안에는 표시되지 않습니다(미성년자 보호 장치).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>When (nothing set: always)</source>
        <translation>시간(아무것도 지정하지 않으면 항상)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>When several rules fit the same people at the same time, the one with the highest priority plays. Equal priorities share the screen by their share (weight).</source>
        <translation>여러 규칙이 같은 시간에 같은 사람들에게 맞으면 우선순위가 가장 높은 규칙이 재생됩니다. 우선순위가 같으면 비중(가중치)에 따라 화면을 나눠 씁니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Who it is for (nothing ticked: anyone)</source>
        <translation>대상(아무것도 체크하지 않으면 누구나)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Why this rule exists, for whoever reads it next</source>
        <translation>다음에 볼 사람을 위해 이 규칙을 만든 이유를 적어 주십시오</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>With</source>
        <translation>동행</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>always</source>
        <translation>항상</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>any</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>anyone</source>
        <translation>누구나</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>anyone present</source>
        <translation>누군가 있을 때</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>at {priority} every one of them comes first when both match.</source>
        <translation>{priority}(으)로 하면 둘 다 맞을 때 모든 규칙이 이 규칙보다 먼저 선택됩니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>at {priority} this rule comes before %n of them when both match.</source>
        <translation>
            <numerusform>{priority}(으)로 하면 둘 다 맞을 때 이 규칙이 그중 %n개보다 먼저 선택됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>at {priority} this rule comes before all of them when it matches.</source>
        <translation>{priority}(으)로 하면 조건이 맞을 때 이 규칙이 모든 규칙보다 먼저 선택됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>every day</source>
        <translation>매일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>every day {times}</source>
        <translation>매일 {times}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>for example students_after_school</source>
        <translation>예: students_after_school</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>from</source>
        <translation>시작</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>from {first}</source>
        <translation>{first}부터</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>groups of %n or more</source>
        <translation>
            <numerusform>%n명 이상 일행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>groups of up to %n</source>
        <translation>
            <numerusform>최대 %n명 일행</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>groups of {low} to %n</source>
        <translation>
            <numerusform>{low}~%n명 일행</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>men</source>
        <translation>남성</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>people of unknown gender</source>
        <translation>성별을 알 수 없는 사람</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>staying {seconds} s or longer</source>
        <translation>{seconds}초 이상 머무름</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>suggested from purchases</source>
        <translation>구매 기록에서 제안</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>suggestion, edited</source>
        <translation>제안, 편집함</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>time window from</source>
        <translation>시간대 시작</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>time window to</source>
        <translation>시간대 끝</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>to</source>
        <translation>끝</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>until {last}</source>
        <translation>{last}까지</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>women</source>
        <translation>여성</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>written by a marketer</source>
        <translation>마케터가 작성</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{days} {times}</source>
        <translation>{days} {times}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{days}, all day</source>
        <translation>{days}, 종일</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first} and {last}</source>
        <translation>{first} 및 {last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first} or {last}</source>
        <translation>{first} 또는 {last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first} to {last}</source>
        <translation>{first}부터 {last}까지</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first}-{last}</source>
        <translation>{first}~{last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{genders} only</source>
        <translation>{genders}만</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{times}; {dates}</source>
        <translation>{times}; {dates}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{who} in {attire}</source>
        <translation>{attire} 차림의 {who}</translation>
    </message>
</context>
<context>
    <name>editor.rules</name>
    <message numerus="yes">
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>%n rules</source>
        <translation>
            <numerusform>규칙 %n개</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>%n suggestions wait on the Suggestions tab</source>
        <translation>
            <numerusform>제안 탭에서 제안 %n건이 결정을 기다립니다</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>All rules</source>
        <translation>모든 규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Cannot edit the rule</source>
        <translation>규칙을 편집할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Cannot show the history</source>
        <translation>변경 기록을 표시할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Could not do that</source>
        <translation>실행할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Could not save</source>
        <translation>저장할 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Created {name}. Ctrl+Z undoes it.</source>
        <translation>{name}을(를) 만들었습니다. Ctrl+Z로 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Deleted {name}. Ctrl+Z brings it back.</source>
        <translation>{name}을(를) 삭제했습니다. Ctrl+Z로 되살릴 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disable</source>
        <translation>끄기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disabled only</source>
        <translation>꺼진 규칙만</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disabled {name}. Ctrl+Z undoes it.</source>
        <translation>{name}을(를) 껐습니다. Ctrl+Z로 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disabled {name}: a learned rule that is off is a suggestion again, and waits on the Suggestions tab. Ctrl+Z undoes it.</source>
        <translation>{name}을(를) 껐습니다. 학습으로 만든 규칙은 끄면 다시 제안이 되어 제안 탭에서 결정을 기다립니다. Ctrl+Z로 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Discard changes?</source>
        <translation>변경 내용을 버릴까요?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Duplicate</source>
        <translation>복제</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Edit</source>
        <translation>편집</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Enable</source>
        <translation>켜기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Enabled only</source>
        <translation>켜진 규칙만</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Enabled {name}. Ctrl+Z undoes it.</source>
        <translation>{name}을(를) 켰습니다. Ctrl+Z로 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Every saved change makes a new version; the highest is the rule as it is now.</source>
        <translation>저장할 때마다 새 버전이 만들어집니다. 가장 높은 버전이 현재 상태의 규칙입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Filter rules…</source>
        <translation>규칙 검색…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Finish or cancel the rule you are editing first.</source>
        <translation>편집 중인 규칙을 먼저 저장하거나 취소해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>History</source>
        <translation>변경 기록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>History of rule {name}</source>
        <translation>규칙 {name}의 변경 기록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Keep editing</source>
        <translation>계속 편집</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Made by</source>
        <translation>만든 곳</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Name</source>
        <translation>이름</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>New rule</source>
        <translation>새 규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Nothing changed in {name}.</source>
        <translation>{name}에 바뀐 내용이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation>실행 취소할 내용이 없습니다 (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Nothing to undo.</source>
        <translation>실행 취소할 내용이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>On</source>
        <translation>사용</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Plays</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Reload</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Restore this version</source>
        <translation>이 버전으로 복원</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Restored {name} to how it was in version {version} (now version {new_version}).</source>
        <translation>{name}을(를) 버전 {version}의 상태로 복원했습니다(현재 버전 {new_version}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Restoring makes a new version: nothing in the history is lost.</source>
        <translation>복원하면 새 버전이 만들어집니다. 기록에서 사라지는 것은 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Rules</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Rules learned from purchases that nobody accepted yet are listed on the Suggestions tab only; once accepted, they are rules like yours and show here.</source>
        <translation>구매 기록에서 학습했지만 아직 아무도 수락하지 않은 규칙은 제안 탭에만 표시됩니다. 수락하면 직접 만든 규칙과 같은 규칙이 되어 여기에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Saved {name} (version {version}). Ctrl+Z undoes it.</source>
        <translation>{name}을(를) 저장했습니다(버전 {version}). Ctrl+Z로 취소할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Show every rule, or only those the player uses, or only those it ignores</source>
        <translation>모든 규칙, 플레이어가 사용하는 규칙만, 또는 사용하지 않는 규칙만 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Showing {name} as saved by someone else (version {version}). Make your change again.</source>
        <translation>다른 사람이 저장한 {name}(버전 {version})을(를) 보여 줍니다. 변경 내용을 다시 입력해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Shows the rules whose name, audience, playlist, times or maker contain every word</source>
        <translation>이름, 대상, 재생 목록, 시간, 만든 곳에 입력한 단어가 모두 들어 있는 규칙을 보여 줍니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Someone else changed this rule</source>
        <translation>다른 사람이 이 규칙을 변경했습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The days, hours and dates the rule plays at.</source>
        <translation>규칙이 재생되는 요일, 시간대, 날짜입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The people in front of the screen the rule is for, as the camera estimates them.</source>
        <translation>이 규칙이 겨냥하는, 화면 앞의 사람들입니다(카메라가 추정한 기준).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The playlist the screen plays while this rule wins.</source>
        <translation>이 규칙이 선택되어 있는 동안 화면에 재생되는 재생 목록입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The rule at that version</source>
        <translation>그 버전의 규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The rule's name. Hover a name for its note.</source>
        <translation>규칙 이름입니다. 이름 위에 마우스를 올리면 메모가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The whole rule as it was after the change.</source>
        <translation>변경 직후의 규칙 전체입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>This is the rule as it is now.</source>
        <translation>현재 상태의 규칙입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>This rule has changes that are not saved. Throw them away?</source>
        <translation>이 규칙에 저장하지 않은 변경 내용이 있습니다. 버릴까요?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>This version is the deletion: choose an earlier one.</source>
        <translation>이 버전은 삭제 기록입니다. 그 이전 버전을 선택해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Ticked, the player uses the rule; unticked, it is kept but ignored.</source>
        <translation>체크하면 플레이어가 이 규칙을 사용하고, 체크를 풀면 규칙은 남아 있지만 사용되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Undo</source>
        <translation>실행 취소</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Undo: {step} (Ctrl+Z)</source>
        <translation>실행 취소: {step} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Undone: {step}.</source>
        <translation>실행 취소함: {step}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Version</source>
        <translation>버전</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>What</source>
        <translation>변경 내용</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>What the change did.</source>
        <translation>변경한 내용입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>When</source>
        <translation>시간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>When several rules fit the same people at the same time, the highest priority plays; equal priorities share the screen.</source>
        <translation>여러 규칙이 같은 시간에 같은 사람들에게 맞으면 우선순위가 가장 높은 규칙이 재생됩니다. 우선순위가 같으면 화면을 나눠 씁니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>When the change was saved, in this computer's time.</source>
        <translation>변경을 저장한 시각입니다(이 컴퓨터의 시간 기준).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who</source>
        <translation>변경한 사람</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who it is for</source>
        <translation>대상</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who made the rule: a marketer, or learning from purchases (a suggestion you accepted, perhaps edited).</source>
        <translation>규칙을 만든 곳입니다. 마케터가 직접 만들었거나, 구매 기록 학습에서 나온 제안을 수락한 것(편집했을 수도 있음)입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who saved it: the editor's author, or the --author of a command.</source>
        <translation>저장한 사람입니다. 편집기의 작성자 이름이나 명령의 --author 값입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>created</source>
        <translation>만듦</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>creating {name}</source>
        <translation>{name} 만들기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>delete rule {name}</source>
        <translation>규칙 {name} 삭제</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>deleted</source>
        <translation>삭제됨</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>deleting {name}</source>
        <translation>{name} 삭제</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>disable rule {name}</source>
        <translation>규칙 {name} 끄기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>disabled</source>
        <translation>끔</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>disabling {name}</source>
        <translation>{name} 끄기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>edited</source>
        <translation>편집함</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>editing {name}</source>
        <translation>{name} 편집</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>enable rule {name}</source>
        <translation>규칙 {name} 켜기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>enabled</source>
        <translation>켬</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>enabling {name}</source>
        <translation>{name} 켜기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>imported</source>
        <translation>가져옴</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>off</source>
        <translation>꺼짐</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>on</source>
        <translation>켜짐</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>open rule {name}</source>
        <translation>규칙 {name} 열기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>restore version {version} of {name}</source>
        <translation>{name}의 버전 {version} 복원</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>restored</source>
        <translation>복원함</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>restoring {name} to version {version}</source>
        <translation>{name}을(를) 버전 {version}(으)로 복원</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>save rule {name}</source>
        <translation>규칙 {name} 저장</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>show the history of {name}</source>
        <translation>{name}의 변경 기록 표시</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>undo {step}</source>
        <translation>실행 취소({step})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{name} is already as it was in version {version}.</source>
        <translation>{name}은(는) 이미 버전 {version}과 같은 상태입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{name} was deleted by someone else; Save creates it again with what is in the form.</source>
        <translation>다른 사람이 {name}을(를) 삭제했습니다. 저장하면 양식의 내용으로 다시 만들어집니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{rule} Disabled.</source>
        <translation>{rule} 꺼져 있습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{shown} of %n rules</source>
        <translation>
            <numerusform>규칙 %n개 중 {shown}개</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{what} ({detail})</source>
        <translation>{what} ({detail})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{what}: {change}</source>
        <translation>{what}: {change}</translation>
    </message>
</context>
<context>
    <name>editor.simulator</name>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source> s</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>(default playlist)</source>
        <translation>(기본 재생 목록)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>(nothing)</source>
        <translation>(없음)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>A loop of %n items, {seconds} s.</source>
        <translation>
            <numerusform>항목 %n개를 반복합니다. 한 바퀴 {seconds}초.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>A picture, a video or a text slide.</source>
        <translation>그림, 동영상 또는 텍스트 슬라이드입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>A rule that did not put its playlist on screen.</source>
        <translation>재생 목록을 화면에 내보내지 못한 규칙입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Age group</source>
        <translation>연령대</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience</source>
        <translation>방문객</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience from</source>
        <translation>방문객 출처</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience: {audience}</source>
        <translation>방문객: {audience}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience: {audience}. The camera has no signal: only rules that use the time alone can match.</source>
        <translation>방문객: {audience}. 카메라 신호가 없으므로 시간만 쓰는 규칙만 맞을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Cannot say what would play</source>
        <translation>무엇이 재생될지 알 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Company</source>
        <translation>일행</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>For example a parent with a teenager: age-restricted ads are then held back.</source>
        <translation>예를 들어 청소년과 함께 온 부모입니다. 이때 연령 제한 광고는 내보내지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Gender</source>
        <translation>성별</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How long the item stays on screen each time.</source>
        <translation>항목이 한 번에 화면에 나오는 시간입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How long the longest-staying visitor has been in front of the screen, in seconds.</source>
        <translation>가장 오래 머문 방문객이 화면 앞에 있었던 시간(초)입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How many</source>
        <translation>인원</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How many people are in front of the screen together (0: nobody).</source>
        <translation>화면 앞에 함께 있는 사람 수입니다(0: 아무도 없음).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Item</source>
        <translation>항목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Kind</source>
        <translation>종류</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Minors guardrail: held back {items} because {reason}.</source>
        <translation>미성년자 보호 장치: {items}을(를) 보류했습니다(사유: {reason}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Minors guardrail: not needed ({reason}).</source>
        <translation>미성년자 보호 장치: 필요 없음({reason}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Minors guardrail: on ({reason}); nothing age-restricted was in the playlist.</source>
        <translation>미성년자 보호 장치: 켜짐({reason}). 재생 목록에 연령 제한 광고가 없었습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Nothing to show.</source>
        <translation>보여 줄 것이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Now</source>
        <translation>지금</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Only matters when gender targeting is on, and it is off: rules ignore gender.</source>
        <translation>성별 타기팅이 켜져 있을 때만 의미가 있는데, 지금은 꺼져 있어 규칙이 성별을 보지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Playlist</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Plays: nothing (the player's built-in slide)</source>
        <translation>재생: 없음(플레이어의 기본 슬라이드)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Plays: {playlist}</source>
        <translation>재생: {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rule</source>
        <translation>규칙</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rule: none, the default playlist plays</source>
        <translation>규칙: 없음, 기본 재생 목록이 재생됩니다</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rule: {rule} (priority {priority})</source>
        <translation>규칙: {rule}(우선순위 {priority})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rules may target a gender: gender targeting is on.</source>
        <translation>성별 타기팅이 켜져 있어 규칙이 성별을 대상으로 할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Saturday {time}</source>
        <translation>토요일 {time}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Seconds</source>
        <translation>초</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Someone in the group may be under 18</source>
        <translation>일행 중에 18세 미만이 있을 수 있음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Staying for</source>
        <translation>머문 시간</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The ad's name in the content library.</source>
        <translation>콘텐츠 라이브러리에 있는 광고의 이름입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The age group the camera estimates for most of the people in front of the screen.</source>
        <translation>화면 앞 사람들 대부분에 대해 카메라가 추정한 연령대입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The camera has no signal</source>
        <translation>카메라 신호 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The day and time of the kiosk's clock; rules with hours and days look at it.</source>
        <translation>키오스크 시계의 날짜와 시각입니다. 시간대와 요일이 있는 규칙이 이 값을 봅니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The gender of most of them; rules use it only when gender targeting is on.</source>
        <translation>대부분의 사람의 성별입니다. 성별 타기팅이 켜져 있을 때만 규칙이 이 값을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The minors guardrail holds back age-restricted ads (alcohol, tobacco) whenever someone in front of the screen may be under 18.</source>
        <translation>미성년자 보호 장치는 화면 앞에 18세 미만이 있을 수 있으면 연령 제한 광고(주류, 담배)를 내보내지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The player then knows nothing about the audience: only the time counts.</source>
        <translation>이때 플레이어는 방문객에 대해 아무것도 모르므로 시간만으로 결정합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The playlist that would play.</source>
        <translation>재생될 재생 목록입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The rule that would put it on screen; point at it to read why.</source>
        <translation>이 재생 목록을 화면에 내보낼 규칙입니다. 마우스를 올리면 이유가 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The time of day the player decides at.</source>
        <translation>플레이어가 결정하는 시각입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The whole day</source>
        <translation>하루 전체</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>This audience cannot be: {problem}.</source>
        <translation>이런 방문객 구성은 있을 수 없습니다: {problem}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Time</source>
        <translation>시각</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Wearing</source>
        <translation>옷차림</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Weekday {time}</source>
        <translation>평일 {time}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What it shows</source>
        <translation>보여 주는 항목</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What most of them wear, as the camera recognises it.</source>
        <translation>카메라가 인식한, 대부분의 사람이 입은 옷차림입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What this rule needed that was not there.</source>
        <translation>이 규칙에 필요했지만 충족되지 않은 조건입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What would play</source>
        <translation>재생 미리보기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>When</source>
        <translation>일시</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>When several rules fit, the one with the highest priority wins.</source>
        <translation>여러 규칙이 맞으면 우선순위가 가장 높은 규칙이 선택됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Where that audience comes from: the audience samples the player logged at that hour, or your choice above.</source>
        <translation>그 방문객 정보의 출처입니다. 플레이어가 그 시간대에 남긴 방문객 기록이거나 위에서 고른 값입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Who is in front of the screen at that time.</source>
        <translation>그 시각에 화면 앞에 있는 사람들입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Who is in front of the screen, and when</source>
        <translation>화면 앞에 누가, 언제 있는지</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Who the visitors are with, as the camera sees the group.</source>
        <translation>카메라가 본 일행 구성으로, 방문객이 누구와 함께 있는지입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Why not</source>
        <translation>선택되지 않은 이유</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Why the other rules did not win</source>
        <translation>다른 규칙이 선택되지 않은 이유</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Why: {reason}</source>
        <translation>이유: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>age not known</source>
        <translation>나이 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>female</source>
        <translation>여성</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>male</source>
        <translation>남성</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>no camera signal</source>
        <translation>카메라 신호 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>nobody</source>
        <translation>아무도 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>not known</source>
        <translation>알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>on their own if one, else not known</source>
        <translation>한 명이면 혼자, 여럿이면 알 수 없음</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>picture</source>
        <translation>그림</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>read the rules</source>
        <translation>규칙 읽기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>text slide</source>
        <translation>텍스트 슬라이드</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>the log (%n samples)</source>
        <translation>
            <numerusform>기록(%n건)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>video</source>
        <translation>동영상</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>your choice above</source>
        <translation>위에서 고른 값</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{day}, hour by hour. Each hour uses who the player logged most at that hour since {since} (how long they stay and their gender as picked above); hours with nothing logged use the audience picked above.</source>
        <translation>{day}, 시간대별. 각 시간대에는 {since} 이후 플레이어가 그 시간대에 가장 많이 기록한 방문객을 씁니다(머문 시간과 성별은 위에서 고른 값). 기록이 없는 시간대에는 위에서 고른 방문객을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{day}, hour by hour. No audience is logged yet, so every hour uses the audience picked above.</source>
        <translation>{day}, 시간대별. 아직 기록된 방문객이 없으므로 모든 시간대에 위에서 고른 방문객을 씁니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{people} ({who})</source>
        <translation>{people} ({who})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{people}, mostly {who}</source>
        <translation>{people}, 주로 {who}</translation>
    </message>
</context>
<context>
    <name>editor.suggestions</name>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept</source>
        <translation>수락</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept edited…</source>
        <translation>편집해서 수락…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept with changes</source>
        <translation>변경해서 수락</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept with these changes</source>
        <translation>이대로 변경해서 수락</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accepted with your changes: {name} is on, and re-learning will leave it as you set it.</source>
        <translation>변경해서 수락함: {name}이(가) 켜졌고, 다시 학습해도 설정한 그대로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accepted: {name} is on, plays when it matches, and is listed on the Rules tab.</source>
        <translation>수락함: {name}이(가) 켜졌습니다. 조건이 맞으면 재생되며 규칙 탭에 표시됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Apr</source>
        <translation>4월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>At least (95 % sure)</source>
        <translation>최소(95% 확신)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Aug</source>
        <translation>8월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Baskets</source>
        <translation>장바구니</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Change priority, time of day or playlist, then turn it on.</source>
        <translation>우선순위, 시간대, 재생 목록을 바꾼 뒤 켭니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Confidence: of this audience's baskets at this time, the share that hold the category.</source>
        <translation>신뢰도(Confidence): 이 시간대 이 고객층의 장바구니 중 해당 카테고리를 담은 비율입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Dec</source>
        <translation>12월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Delete the suggestion. Re-learning will not suggest it again.</source>
        <translation>제안을 삭제합니다. 다시 학습해도 다시 제안되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Every suggestion is snoozed. Tick “Show snoozed” to see them.</source>
        <translation>모든 제안이 미뤄져 있습니다. 보려면 “미룬 제안 보기”를 체크해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Feb</source>
        <translation>2월</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Hide the suggestion for %n days, to decide later.</source>
        <translation>
            <numerusform>나중에 결정하도록 제안을 %n일 동안 숨깁니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Higher wins when several rules match at the same time.</source>
        <translation>여러 규칙이 동시에 맞으면 높은 쪽이 선택됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>How many baskets of this audience at this time the purchase history holds: the more, the surer.</source>
        <translation>구매 기록에 있는 이 시간대 이 고객층의 장바구니 수입니다. 많을수록 더 확실합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>How many of those baskets hold the category.</source>
        <translation>그 장바구니 중 해당 카테고리를 담은 수입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Jan</source>
        <translation>1월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Jul</source>
        <translation>7월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Jun</source>
        <translation>6월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Learned from purchase history: who buys what more often, and when. Accepted, a suggestion becomes a rule on the Rules tab. Re-learning never changes rules you wrote or edited.</source>
        <translation>구매 기록에서 학습한 내용입니다. 누가 언제 무엇을 더 자주 사는지 보여 줍니다. 제안을 수락하면 규칙 탭의 규칙이 됩니다. 다시 학습해도 직접 작성하거나 편집한 규칙은 바뀌지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Lift, lower 95 % bound: with as few baskets as there are, the lift is at least this, 95 % sure. Above 1 means the difference is no accident of a small sample.</source>
        <translation>향상도 95% 하한: 현재 장바구니 수로 보아 향상도가 95% 확률로 적어도 이 값입니다. 1보다 크면 표본이 작아서 생긴 우연한 차이가 아닙니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Lift: how many times as often this audience's baskets at this time hold the category as all baskets do. 1 is no difference; 2 is twice as often.</source>
        <translation>향상도(Lift): 이 시간대 이 고객층의 장바구니가 전체 장바구니보다 해당 카테고리를 몇 배 자주 담는지입니다. 1이면 차이가 없고, 2면 두 배 자주입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Mar</source>
        <translation>3월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>May</source>
        <translation>5월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>No suggestions yet. Import purchase history and run `signage rules learn`.</source>
        <translation>아직 제안이 없습니다. 구매 기록을 가져온 뒤 `signage rules learn`을 실행해 주십시오.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Nov</source>
        <translation>11월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Oct</source>
        <translation>10월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Of their baskets</source>
        <translation>해당 고객 장바구니 중</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Once you change a suggestion it is yours: re-learning will not change it again.</source>
        <translation>제안을 변경하면 직접 만든 규칙이 됩니다. 다시 학습해도 바뀌지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Playlist</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Plays</source>
        <translation>재생 목록</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Priority</source>
        <translation>우선순위</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Reject this suggestion?

{sentence}

It is deleted, and re-learning will not suggest it again.</source>
        <translation>이 제안을 거절할까요?

{sentence}

제안이 삭제되고, 다시 학습해도 다시 제안되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Rejected: {name} is deleted and will not be suggested again.</source>
        <translation>거절함: {name}이(가) 삭제되었고 다시 제안되지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Reject…</source>
        <translation>거절…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Rule name</source>
        <translation>규칙 이름</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Sep</source>
        <translation>9월</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Share of all baskets</source>
        <translation>전체 장바구니 중 비율</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Show a snoozed suggestion again now.</source>
        <translation>미룬 제안을 지금 다시 표시합니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Show snoozed</source>
        <translation>미룬 제안 보기</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Snooze %n days</source>
        <translation>
            <numerusform>%n일 미루기</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Snoozed for %n days: {name} is back on {day}.</source>
        <translation>
            <numerusform>%n일 미룸: {name}은(는) {day}에 다시 표시됩니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Suggestions</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Support: of all the baskets in the purchase history, the share that are this audience's at this time and hold the category. Small is normal; it says how much is at stake.</source>
        <translation>지지도(Support): 구매 기록의 전체 장바구니 중, 이 시간대 이 고객층의 장바구니이면서 해당 카테고리를 담은 비율입니다. 작은 값이 보통이며, 걸려 있는 규모를 나타냅니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The finding in a sentence, and why the suggestion plays the playlist it plays.</source>
        <translation>발견한 내용을 한 문장으로, 그리고 이 제안이 그 재생 목록을 재생하는 이유를 보여 줍니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The hours of the day the rule plays, comma-separated; empty is all day.</source>
        <translation>규칙이 재생되는 하루 중 시간대입니다. 쉼표로 구분하며, 비우면 종일입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The name the rule gets: who, when and the playlist.</source>
        <translation>규칙에 붙는 이름입니다: 대상, 시간, 재생 목록.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The playlist the rule plays.</source>
        <translation>규칙이 재생하는 재생 목록입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The playlist the rule would play: one with ads tagged for what these shoppers buy.</source>
        <translation>규칙이 재생할 재생 목록입니다. 이 고객들이 사는 상품의 태그가 붙은 광고가 들어 있는 목록입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Time of day</source>
        <translation>시간대</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Time of day: {problem}.</source>
        <translation>시간대: {problem}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Times as often</source>
        <translation>몇 배 자주</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Turn the rule on as it is: it moves to the Rules tab. Re-learning keeps it on.</source>
        <translation>규칙을 그대로 켭니다. 규칙 탭으로 옮겨지며, 다시 학습해도 켜진 상태로 유지됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Unsnooze</source>
        <translation>미루기 취소</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Waiting for your decision, snoozed, or accepted (and whether you edited it).</source>
        <translation>결정 대기, 미룸, 수락(편집 여부 포함) 중 하나입니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>What the data shows</source>
        <translation>데이터가 보여 주는 것</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>With the category</source>
        <translation>카테고리 포함</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>accept the edited suggestion</source>
        <translation>편집한 제안 수락</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>accept the suggestion</source>
        <translation>제안 수락</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>any time of day, or e.g. 15:00-18:00, 20:00-22:00</source>
        <translation>종일, 또는 예: 15:00-18:00, 20:00-22:00</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>reject the suggestion</source>
        <translation>제안 거절</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{name} is no longer snoozed.</source>
        <translation>{name}의 미루기를 취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{sentence}
{numbers}
Rule {name}, priority {priority}</source>
        <translation>{sentence}
{numbers}
규칙 {name}, 우선순위 {priority}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{sentence}.
{playlist_choice}</source>
        <translation>{sentence}.
{playlist_choice}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{sentence}; {measured}</source>
        <translation>{sentence}; {measured}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{state}, snoozed: back on {day}</source>
        <translation>{state}, 미룸: {day}에 다시 표시</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{year}년 {month} {day}일 ({weekday})</translation>
    </message>
</context>
<context>
    <name>editor.window</name>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Editing as {author}. Changes are saved at once; the player picks them up.</source>
        <translation>{author}(으)로 편집 중입니다. 변경 내용은 바로 저장되며 플레이어에 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Not reloaded while you edit: {tabs}.</source>
        <translation>편집 중이어서 다시 불러오지 않았습니다: {tabs}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Quit</source>
        <translation>종료</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Reload</source>
        <translation>다시 불러오기</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Reloaded.</source>
        <translation>다시 불러왔습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Updated with changes saved elsewhere.</source>
        <translation>다른 곳에서 저장한 변경 내용을 반영했습니다.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>signage editor - {database}</source>
        <translation>signage 편집기 - {database}</translation>
    </message>
</context>
</TS>
