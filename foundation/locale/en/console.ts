<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>console.auth</name>
    <message>
        <location filename="../../../signage/server/console/pages_auth.py"/>
        <source>Enter your name and password.</source>
        <translation>Enter your name and password.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Leave them and go to the fleet</source>
        <translation>Leave them and go to the fleet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Send my changes</source>
        <translation>Send my changes</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Sign in to use the console.</source>
        <translation>Sign in to use the console.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>This form is out of date (it was opened in another session); reload the page and try again.</source>
        <translation>This form is out of date (it was opened in another session); reload the page and try again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_auth.py"/>
        <source>Wrong name or password, or the account is disabled.</source>
        <translation>Wrong name or password, or the account is disabled.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>You are signed in again</source>
        <translation>You are signed in again</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>You are signed in as a {role}; this needs the {needed} role. Ask an admin.</source>
        <translation>You are signed in as a {role}; this needs the {needed} role. Ask an admin.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_auth.py"/>
        <source>You are signed out.</source>
        <translation>You are signed out.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/login.html"/>
        <source>Your changes are kept: after you sign in you can send them again.</source>
        <translation>Your changes are kept: after you sign in you can send them again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Your changes were kept</source>
        <translation>Your changes were kept</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/resume.html"/>
        <source>Your session had expired when you sent a form. Nothing was lost: send it again now, or leave it.</source>
        <translation>Your session had expired when you sent a form. Nothing was lost: send it again now, or leave it.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Your session has expired; sign in again.</source>
        <translation>Your session has expired; sign in again.</translation>
    </message>
</context>
<context>
    <name>console.base</name>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Console</source>
        <translation>Console</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Fleet</source>
        <translation>Fleet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Releases</source>
        <translation>Releases</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/macros.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Sign out</source>
        <translation>Sign out</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>Skip to the page</source>
        <translation>Skip to the page</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>editor</source>
        <translation>editor</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/base.html"/>
        <source>signage console</source>
        <translation>signage console</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>viewer</source>
        <translation>viewer</translation>
    </message>
</context>
<context>
    <name>console.content</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>%n bytes</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>%n items tagged {tag}.</source>
        <translation>
            <numerusform>%n item tagged {tag}.</numerusform>
            <numerusform>%n items tagged {tag}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>%n items.</source>
        <translation>
            <numerusform>%n item.</numerusform>
            <numerusform>%n items.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Age-restricted</source>
        <translation>Age-restricted</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>All items</source>
        <translation>All items</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Choose an image or video file to upload.</source>
        <translation>Choose an image or video file to upload.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Drop a file (an image or a video), not a link or text.</source>
        <translation>Drop a file (an image or a video), not a link or text.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Drop an image or video here</source>
        <translation>Drop an image or video here</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Drop an image or video here, or press Enter to choose one</source>
        <translation>Drop an image or video here, or press Enter to choose one</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <location filename="../../../signage/server/console/static/i18n.js"/>
        <source>Drop one file at a time.</source>
        <translation>Drop one file at a time.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>Enter a display time of more than 0 seconds.</source>
        <translation>Enter a display time of more than 0 seconds.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>Enter the display time as a number of seconds, such as 8.</source>
        <translation>Enter the display time as a number of seconds, such as 8.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Image or video file</source>
        <translation>Image or video file</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>No item is tagged {tag}.</source>
        <translation>No item is tagged {tag}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>No name can be made from the file name; give one (lower-case letters, digits and _).</source>
        <translation>No name can be made from the file name; give one (lower-case letters, digits and _).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>No thumbnail of this file: {problem}</source>
        <translation>No thumbnail of this file: {problem}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>PNG, JPEG, WebP images; MP4, WebM, MOV, AVI videos</source>
        <translation>PNG, JPEG, WebP images; MP4, WebM, MOV, AVI videos</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Sending {file}…</source>
        <translation>Sending {file}…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Shown</source>
        <translation>Shown</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Stored; opening its details…</source>
        <translation>Stored; opening its details…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>That file is not on the server (any more); upload it again on the Content page.</source>
        <translation>That file is not on the server (any more); upload it again on the Content page.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>The file {file} was not stored: {reason}</source>
        <translation>The file {file} was not stored: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>The last day comes before the first day ({reason})</source>
        <translation>The last day comes before the first day ({reason})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>The library has an item named {name} already; choose another name.</source>
        <translation>The library has an item named {name} already; choose another name.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>The library is empty.</source>
        <translation>The library is empty.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>The library is empty: upload an ad above.</source>
        <translation>The library is empty: upload an ad above.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>The upload of {file} failed (the server answered {status}); try again.</source>
        <translation>The upload of {file} failed (the server answered {status}); try again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>The upload of {file} was cut off (the network or the server went away); try again.</source>
        <translation>The upload of {file} was cut off (the network or the server went away); try again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>There is no content file {sha256}.</source>
        <translation>There is no content file {sha256}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>There is no library item {name}; the Content page lists them.</source>
        <translation>There is no library item {name}; the Content page lists them.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>This page is for a file just uploaded; upload it on the Content page.</source>
        <translation>This page is for a file just uploaded; upload it on the Content page.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Thumbnail of {title}</source>
        <translation>Thumbnail of {title}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>Upload an ad</source>
        <translation>Upload an ad</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Used by</source>
        <translation>Used by</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>Your session has expired; sign in again in another tab, then drop the file again.</source>
        <translation>Your session has expired; sign in again in another tab, then drop the file again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>current</source>
        <translation>current</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>no playlist</source>
        <translation>no playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>or choose a file below</source>
        <translation>or choose a file below</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>text</source>
        <translation>text</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>{count} bytes</source>
        <translation>{count} bytes</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{file} is in the library already, as {name}.</source>
        <translation>{file} is in the library already, as {name}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>{file} is larger than the largest upload the server takes ({limit}); nothing was stored.</source>
        <translation>{file} is larger than the largest upload the server takes ({limit}); nothing was stored.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{file} is stored; give the new item its details.</source>
        <translation>{file} is stored; give the new item its details.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/content.js"/>
        <source>{file} is {size}, more than the largest upload the server takes ({limit}); make it smaller and try again.</source>
        <translation>{file} is {size}, more than the largest upload the server takes ({limit}); make it smaller and try again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>{first} to {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{name} is in the library.</source>
        <translation>{name} is in the library.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{name} is saved.</source>
        <translation>{name} is saved.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_content.py"/>
        <source>{sha256} is not the sha256 of a content file.</source>
        <translation>{sha256} is not the sha256 of a content file.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <source>{supported}, at most {limit}. The file is checked as {command} checks it (an image decodes completely, a video at its start and end) before anything is stored.</source>
        <translation>{supported}, at most {limit}. The file is checked as {command} checks it (an image decodes completely, a video at its start and end) before anything is stored.</translation>
    </message>
</context>
<context>
    <name>console.diff</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>Compare releases of {group}</source>
        <translation>Compare releases of {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>The two documents are the same.</source>
        <translation>The two documents are the same.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>Version {old} ({old_by}, {old_when}) against version {new} ({new_by}, {new_when}). Lines marked − are only in version {old}, + only in version {new}.</source>
        <translation>Version {old} ({old_by}, {old_when}) against version {new} ({new_by}, {new_when}). Lines marked − are only in version {old}, + only in version {new}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>compare</source>
        <translation>compare</translation>
    </message>
</context>
<context>
    <name>console.editor</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>(your draft is dropped), or</source>
        <translation>(your draft is dropped), or</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Add a playlist</source>
        <translation>Add a playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Add a rule</source>
        <translation>Add a rule</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Add “, 6” after a name to show it 6 seconds.</source>
        <translation>Add “, 6” after a name to show it 6 seconds.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Advanced: the whole document as YAML</source>
        <translation>Advanced: the whole document as YAML</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Age groups</source>
        <translation>Age groups</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Attire</source>
        <translation>Attire</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Check and save</source>
        <translation>Check and save</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Content: {names}.</source>
        <translation>Content: {names}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Could not check as you type ({reason}).</source>
        <translation>Could not check as you type ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Default playlist (plays when no rule matches)</source>
        <translation>Default playlist (plays when no rule matches)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Edit the next release of {group}</source>
        <translation>Edit the next release of {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Edit {group}</source>
        <translation>Edit {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Enabled</source>
        <translation>Enabled</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Fix these before saving:</source>
        <translation>Fix these before saving:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>From date</source>
        <translation>From date</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Genders</source>
        <translation>Genders</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Items, one content name a line</source>
        <translation>Items, one content name a line</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Keep my draft, based on version {version}</source>
        <translation>Keep my draft, based on version {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Keeping it means your draft replaces what {person} changed: read the difference first.</source>
        <translation>Keeping it means your draft replaces what {person} changed: read the difference first.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Load this YAML into the form</source>
        <translation>Load this YAML into the form</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>More: weight, limits, genders, origin, note</source>
        <translation>More: weight, limits, genders, origin, note</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>No content in the library yet.</source>
        <translation>No content in the library yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>No playlists yet.</source>
        <translation>No playlists yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>No problems.</source>
        <translation>No problems.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>No problems: this draft can be saved.</source>
        <translation>No problems: this draft can be saved.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Note for this version</source>
        <translation>Note for this version</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>People, at least</source>
        <translation>People, at least</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>People, at most</source>
        <translation>People, at most</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Playlist {number}</source>
        <translation>Playlist {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Playlist {number}: {name}</source>
        <translation>Playlist {number}: {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Plays per hour at most</source>
        <translation>Plays per hour at most</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Plays playlist</source>
        <translation>Plays playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Problems to fix before saving: {count}</source>
        <translation>Problems to fix before saving: {count}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Reload from version {version}</source>
        <translation>Reload from version {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Remove playlist {number}</source>
        <translation>Remove playlist {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Remove rule {number}</source>
        <translation>Remove rule {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Rest after playing (s)</source>
        <translation>Rest after playing (s)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Rule {number}</source>
        <translation>Rule {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Rule {number}: {name}</source>
        <translation>Rule {number}: {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Save as version {version}</source>
        <translation>Save as version {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Saved version {version} of {group}. It is not out yet: roll it out when ready.</source>
        <translation>Saved version {version} of {group}. It is not out yet: roll it out when ready.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Simulate this draft</source>
        <translation>Simulate this draft</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Starting from version {base}. Saving makes version {next}; it is not rolled out until you say so.</source>
        <translation>Starting from version {base}. Saving makes version {next}; it is not rolled out until you say so.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Stayed at least (s)</source>
        <translation>Stayed at least (s)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>The document</source>
        <translation>The document</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>The note has {count} characters; keep it to {limit}.</source>
        <translation>The note has {count} characters; keep it to {limit}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>The rules and playlists</source>
        <translation>The rules and playlists</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>This group has no release yet: this will be version 1.</source>
        <translation>This group has no release yet: this will be version 1.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Time of day</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Until date</source>
        <translation>Until date</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>Use the form again? What you changed in the YAML is replaced by what the form holds.</source>
        <translation>Use the form again? What you changed in the YAML is replaced by what the form holds.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>When (leave empty for “any”)</source>
        <translation>When (leave empty for “any”)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>You are editing the YAML below: the form is not used until you load the YAML into it.</source>
        <translation>You are editing the YAML below: the form is not used until you load the YAML into it.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>You started from version {base}; version {newest} is newer.</source>
        <translation>You started from version {base}; version {newest} is newer.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>Your draft against version {version}</source>
        <translation>Your draft against version {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>age groups</source>
        <translation>age groups</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>attire</source>
        <translation>attire</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>content</source>
        <translation>content</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>dates</source>
        <translation>dates</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>days</source>
        <translation>days</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>default playlist</source>
        <translation>default playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>empty: no limit</source>
        <translation>empty: no limit</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>entry {number}</source>
        <translation>entry {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>genders</source>
        <translation>genders</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>higher wins</source>
        <translation>higher wins</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>items</source>
        <translation>items</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>learned numbers</source>
        <translation>learned numbers</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>like 15:00-18:00; several with commas</source>
        <translation>like 15:00-18:00; several with commas</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>line {line}:</source>
        <translation>line {line}:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>loop</source>
        <translation>loop</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>next release</source>
        <translation>next release</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>origin</source>
        <translation>origin</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>people, at least</source>
        <translation>people, at least</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>people, at most</source>
        <translation>people, at most</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>playlist</source>
        <translation>playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>playlist {number}</source>
        <translation>playlist {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>playlist {number} “{name}”</source>
        <translation>playlist {number} “{name}”</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>plays per hour at most</source>
        <translation>plays per hour at most</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>priority</source>
        <translation>priority</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>rest after playing (s)</source>
        <translation>rest after playing (s)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>rule {number}</source>
        <translation>rule {number}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>rule {number} “{name}”</source>
        <translation>rule {number} “{name}”</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>seconds</source>
        <translation>seconds</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>share among rules of the same priority</source>
        <translation>share among rules of the same priority</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>stayed at least (s)</source>
        <translation>stayed at least (s)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>the document</source>
        <translation>the document</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>the form above</source>
        <translation>the form above</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>the server answered {status}</source>
        <translation>the server answered {status}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>this YAML</source>
        <translation>this YAML</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>time of day</source>
        <translation>time of day</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>until</source>
        <translation>until</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>used only where gender targeting is switched on</source>
        <translation>used only where gender targeting is switched on</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>version {version} (saved by {person})</source>
        <translation>version {version} (saved by {person})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>weight</source>
        <translation>weight</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>what changed, for the others</source>
        <translation>what changed, for the others</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>when</source>
        <translation>when</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>your draft</source>
        <translation>your draft</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/static/releases.js"/>
        <source>your session has expired: press Save to sign in again (the draft is kept)</source>
        <translation>your session has expired: press Save to sign in again (the draft is kept)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <source>{person} saved version {version} of {group} on {when}, after you started from version {base}, so your save was not made. Your draft is kept below.</source>
        <translation>{person} saved version {version} of {group} on {when}, after you started from version {base}, so your save was not made. Your draft is kept below.</translation>
    </message>
</context>
<context>
    <name>console.errors</name>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Go to the fleet</source>
        <translation>Go to the fleet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Not allowed</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Not found</source>
        <translation>Not found</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>Something is wrong</source>
        <translation>Something is wrong</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>Something went wrong on the server (it is logged there); try again, or tell your admin.</source>
        <translation>Something went wrong on the server (it is logged there); try again, or tell your admin.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/error.html"/>
        <source>That did not work</source>
        <translation>That did not work</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>That page cannot be used that way (a form sent to a page that only shows); start again from the page.</source>
        <translation>That page cannot be used that way (a form sent to a page that only shows); start again from the page.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>The server refused that request ({status}).</source>
        <translation>The server refused that request ({status}).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>The server's database is not answering; try again in a minute.</source>
        <translation>The server's database is not answering; try again in a minute.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/web.py"/>
        <source>There is no such page in the console; check the address, or start from the fleet.</source>
        <translation>There is no such page in the console; check the address, or start from the fleet.</translation>
    </message>
</context>
<context>
    <name>console.fleet</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n h ago</source>
        <translation>
            <numerusform>%n h ago</numerusform>
            <numerusform>%n h ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks are silent: no heartbeat for more than {silent_after} (kiosks send one every {heartbeat_s} s).</source>
        <translation>
            <numerusform>%n kiosk is silent: no heartbeat for more than {silent_after} (kiosks send one every {heartbeat_s} s).</numerusform>
            <numerusform>%n kiosks are silent: no heartbeat for more than {silent_after} (kiosks send one every {heartbeat_s} s).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks in the stores of {group} matching “{q}”:</source>
        <translation>
            <numerusform>%n kiosk in the stores of {group} matching “{q}”:</numerusform>
            <numerusform>%n kiosks in the stores of {group} matching “{q}”:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks in the stores of {group}:</source>
        <translation>
            <numerusform>%n kiosk in the stores of {group}:</numerusform>
            <numerusform>%n kiosks in the stores of {group}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks matching “{q}”:</source>
        <translation>
            <numerusform>%n kiosk matching “{q}”:</numerusform>
            <numerusform>%n kiosks matching “{q}”:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>%n kiosks:</source>
        <translation>
            <numerusform>%n kiosk:</numerusform>
            <numerusform>%n kiosks:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n min ago</source>
        <translation>
            <numerusform>%n min ago</numerusform>
            <numerusform>%n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>%n s ago</source>
        <translation>
            <numerusform>%n s ago</numerusform>
            <numerusform>%n s ago</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>A reload was sent (command {command}); the kiosk picks it up at its next heartbeat, within about {seconds} s.</source>
        <translation>A reload was sent (command {command}); the kiosk picks it up at its next heartbeat, within about {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>A screenshot was asked for (command {command}); the kiosk picks it up at its next heartbeat, within about {seconds} s.</source>
        <translation>A screenshot was asked for (command {command}); the kiosk picks it up at its next heartbeat, within about {seconds} s.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>All groups</source>
        <translation>All groups</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>An admin adds them with {command}.</source>
        <translation>An admin adds them with {command}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Awaiting enrolment</source>
        <translation>Awaiting enrolment</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Engine fps</source>
        <translation>Engine fps</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Fleet</source>
        <translation>Fleet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Kiosk</source>
        <translation>Kiosk</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Kiosk {first} of {listed}</source>
        <translation>Kiosk {first} of {listed}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Kiosks {first}–{last} of {listed}</source>
        <translation>Kiosks {first}–{last} of {listed}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Last heartbeat</source>
        <translation>Last heartbeat</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Last »</source>
        <translation>Last »</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Next ›</source>
        <translation>Next ›</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks in the stores of {group} match these filters: search for less, or choose all states.</source>
        <translation>No kiosks in the stores of {group} match these filters: search for less, or choose all states.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks in the stores of {group} yet.</source>
        <translation>No kiosks in the stores of {group} yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks listed</source>
        <translation>No kiosks listed</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks match these filters: search for less, or choose all states.</source>
        <translation>No kiosks match these filters: search for less, or choose all states.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>No kiosks yet.</source>
        <translation>No kiosks yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the ones awaiting enrolment are listed.</source>
        <translation>Only the ones awaiting enrolment are listed.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the online ones are listed.</source>
        <translation>Only the online ones are listed.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the revoked ones are listed.</source>
        <translation>Only the revoked ones are listed.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Only the silent ones are listed.</source>
        <translation>Only the silent ones are listed.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Pages of kiosks (bottom)</source>
        <translation>Pages of kiosks (bottom)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Pages of kiosks (top)</source>
        <translation>Pages of kiosks (top)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Playing now</source>
        <translation>Playing now</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Revoked</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Search kiosk, store code or store name</source>
        <translation>Search kiosk, store code or store name</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>Silent</source>
        <translation>Silent</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Store group</source>
        <translation>Store group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>The console sends a reload or a screenshot, not {kind}; use the buttons on the kiosk page.</source>
        <translation>The console sends a reload or a screenshot, not {kind}; use the buttons on the kiosk page.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>The page {page} is not a page number; pages are numbered from 1.</source>
        <translation>The page {page} is not a page number; pages are numbered from 1.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>There is no kiosk or command {id}; the fleet page lists them.</source>
        <translation>There is no kiosk or command {id}; the fleet page lists them.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>There is no kiosk state {state}; choose one of {states} or all states.</source>
        <translation>There is no kiosk state {state}; choose one of {states} or all states.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>There is no page {page}: these kiosks fill %n pages; go to page {last} or to the first page.</source>
        <translation>
            <numerusform>There is no page {page}: these kiosks fill %n page; go to page {last} or to the first page.</numerusform>
            <numerusform>There is no page {page}: these kiosks fill %n pages; go to page {last} or to the first page.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>awaiting enrolment</source>
        <translation>awaiting enrolment</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>built-in slide</source>
        <translation>built-in slide</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>camera: {state} ({detail})</source>
        <translation>camera: {state} ({detail})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>database: {state} ({reason})</source>
        <translation>database: {state} ({reason})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>e.g. gangnam</source>
        <translation>e.g. gangnam</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>for {duration}</source>
        <translation>for {duration}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>just now</source>
        <translation>just now</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>no camera</source>
        <translation>no camera</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>no detail</source>
        <translation>no detail</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>no reason given</source>
        <translation>no reason given</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>page {page} of {pages}</source>
        <translation>page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>revoked</source>
        <translation>revoked</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>rule {rule}</source>
        <translation>rule {rule}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>silent</source>
        <translation>silent</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>sync: {error}</source>
        <translation>sync: {error}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>{count} awaiting enrolment</source>
        <translation>{count} awaiting enrolment</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>{count} revoked</source>
        <translation>{count} revoked</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{days} days</source>
        <translation>{days} days</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{hours} h</source>
        <translation>{hours} h</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>{online} online, {silent} silent</source>
        <translation>{online} online, {silent} silent</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_fleet.py"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>« First</source>
        <translation>« First</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/fleet.html"/>
        <source>‹ Previous</source>
        <translation>‹ Previous</translation>
    </message>
</context>
<context>
    <name>console.group</name>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Canary:</source>
        <translation>Canary:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>Compare</source>
        <translation>Compare</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Compare releases</source>
        <translation>Compare releases</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Edit the next release</source>
        <translation>Edit the next release</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Every store:</source>
        <translation>Every store:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Group {group}</source>
        <translation>Group {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Rollout</source>
        <translation>Rollout</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Saved by</source>
        <translation>Saved by</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Stage</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release_diff.html"/>
        <source>This group has no release yet.</source>
        <translation>This group has no release yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>What would play?</source>
        <translation>What would play?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>Write the first one.</source>
        <translation>Write the first one.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>no release out yet</source>
        <translation>no release out yet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>version {version} in {group}</source>
        <translation>version {version} in {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <source>vs {version}</source>
        <translation>vs {version}</translation>
    </message>
</context>
<context>
    <name>console.item</name>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>(a video plays its own length; a playlist entry may cut it shorter)</source>
        <translation>(a video plays its own length; a playlist entry may cut it shorter)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>A frame of the video {title}</source>
        <translation>A frame of the video {title}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>A release keeps a copy of the item as it was when the release was made: a change here goes out with each group's next release.</source>
        <translation>A release keeps a copy of the item as it was when the release was made: a change here goes out with each group's next release.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Add to the library</source>
        <translation>Add to the library</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Age-restricted (alcohol, tobacco): never shown while minors may be watching</source>
        <translation>Age-restricted (alcohol, tobacco): never shown while minors may be watching</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Background</source>
        <translation>Background</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Changing an item needs the editor role.</source>
        <translation>Changing an item needs the editor role.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Display time</source>
        <translation>Display time</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Display time (seconds)</source>
        <translation>Display time (seconds)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>First day shown</source>
        <translation>First day shown</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Last day shown</source>
        <translation>Last day shown</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Leave empty for no limit; both days are included.</source>
        <translation>Leave empty for no limit; both days are included.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>New item</source>
        <translation>New item</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>New item from {file}</source>
        <translation>New item from {file}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>No playlist of any group's current, canary or newest release names it.</source>
        <translation>No playlist of any group's current, canary or newest release names it.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Separated by commas; rules choose ads by their tags.</source>
        <translation>Separated by commas; rules choose ads by their tags.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Text colour</source>
        <translation>Text colour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Text under the title</source>
        <translation>Text under the title</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>The image {title}</source>
        <translation>The image {title}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>What playlists call it: lower-case letters, digits and _. It cannot be changed later.</source>
        <translation>What playlists call it: lower-case letters, digits and _. It cannot be changed later.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>changed by {person}, {when}</source>
        <translation>changed by {person}, {when}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>new item</source>
        <translation>new item</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>playlist {playlist} in release v{version} of {group}</source>
        <translation>playlist {playlist} in release v{version} of {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>snacks, teens</source>
        <translation>snacks, teens</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
</context>
<context>
    <name>console.kiosk</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>%n frames dropped</source>
        <translation>
            <numerusform>%n frame dropped</numerusform>
            <numerusform>%n frames dropped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>%n samples dropped</source>
        <translation>
            <numerusform>%n sample dropped</numerusform>
            <numerusform>%n samples dropped</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>About</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Camera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Clock</source>
        <translation>Clock</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Command</source>
        <translation>Command</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Command {command}, {when}: the ad surface only, never the camera.</source>
        <translation>Command {command}, {when}: the ad surface only, never the camera.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Disk free</source>
        <translation>Disk free</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Enrolled</source>
        <translation>Enrolled</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Fleet</source>
        <translation>Fleet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Groups</source>
        <translation>Groups</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Kiosk {name}</source>
        <translation>Kiosk {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Last heartbeat</source>
        <translation>Last heartbeat</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>No commands sent yet.</source>
        <translation>No commands sent yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>No screenshot yet.</source>
        <translation>No screenshot yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>No screenshot yet: use “Take a screenshot” above.</source>
        <translation>No screenshot yet: use “Take a screenshot” above.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>None in its newest heartbeat.</source>
        <translation>None in its newest heartbeat.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Player</source>
        <translation>Player</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Playing</source>
        <translation>Playing</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Recent errors</source>
        <translation>Recent errors</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Release</source>
        <translation>Release</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Reload rules and content</source>
        <translation>Reload rules and content</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Remote commands</source>
        <translation>Remote commands</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Screenshot</source>
        <translation>Screenshot</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Sending a screenshot or reload needs the editor role.</source>
        <translation>Sending a screenshot or reload needs the editor role.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Sent</source>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Silent: no heartbeat for more than {silent_after}; check the kiosk's power and network, then {command} on it.</source>
        <translation>Silent: no heartbeat for more than {silent_after}; check the kiosk's power and network, then {command} on it.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Store</source>
        <translation>Store</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Take a screenshot</source>
        <translation>Take a screenshot</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>The kiosk picks a command up with its next heartbeat (every {seconds} s).</source>
        <translation>The kiosk picks a command up with its next heartbeat (every {seconds} s).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>The kiosk picks a command up with its next heartbeat (every {seconds} s); this page refreshes itself while one is open.</source>
        <translation>The kiosk picks a command up with its next heartbeat (every {seconds} s); this page refreshes itself while one is open.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>This kiosk is revoked: it fetches no commands.</source>
        <translation>This kiosk is revoked: it fetches no commands.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>Waiting to send</source>
        <translation>Waiting to send</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>What the screen of {name} showed, {when}</source>
        <translation>What the screen of {name} showed, {when}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>acked: done</source>
        <translation>acked: done</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>acked: failed</source>
        <translation>acked: failed</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>kiosk {id} in {store}</source>
        <translation>kiosk {id} in {store}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>no camera reported</source>
        <translation>no camera reported</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>not yet</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>nothing reported</source>
        <translation>nothing reported</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>reload</source>
        <translation>reload</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>restart</source>
        <translation>restart</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>runs none</source>
        <translation>runs none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>runs v{version}</source>
        <translation>runs v{version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>runs v{version} of {group}</source>
        <translation>runs v{version} of {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>screenshot</source>
        <translation>screenshot</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>should run v{version} of {group} (it updates at its next release check)</source>
        <translation>should run v{version} of {group} (it updates at its next release check)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>silent for {duration}</source>
        <translation>silent for {duration}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>the built-in slide</source>
        <translation>the built-in slide</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>up {duration}</source>
        <translation>up {duration}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{item} from {playlist} (default playlist)</source>
        <translation>{item} from {playlist} (default playlist)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{item} from {playlist}, rule {rule}</source>
        <translation>{item} from {playlist}, rule {rule}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{plays} plays, {samples} audience samples</source>
        <translation>{plays} plays, {samples} audience samples</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/kiosk.html"/>
        <source>{seconds} s from the server's</source>
        <translation>{seconds} s from the server's</translation>
    </message>
</context>
<context>
    <name>console.release</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Default playlist:</source>
        <translation>Default playlist:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Kiosks that should run it: {targeted}; running it: {running}</source>
        <translation>Kiosks that should run it: {targeted}; running it: {running}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Limits</source>
        <translation>Limits</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>No playlists.</source>
        <translation>No playlists.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>No rules: the default playlist always plays.</source>
        <translation>No rules: the default playlist always plays.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Origin</source>
        <translation>Origin</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Plays</source>
        <translation>Plays</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Roll out…</source>
        <translation>Roll out…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Saved by {person} on {when}.</source>
        <translation>Saved by {person} on {when}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>Saved by {person} on {when}: “{note}”.</source>
        <translation>Saved by {person} on {when}: “{note}”.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>The document as YAML</source>
        <translation>The document as YAML</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>Weight</source>
        <translation>Weight</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_editor.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>When it ends</source>
        <translation>When it ends</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>at most {plays} an hour</source>
        <translation>at most {plays} an hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>rests {seconds} s</source>
        <translation>rests {seconds} s</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>rests {seconds} s; at most {plays} an hour</source>
        <translation>rests {seconds} s; at most {plays} an hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>{group} version {version}</source>
        <translation>{group} version {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>{group}, version {version}</source>
        <translation>{group}, version {version}</translation>
    </message>
</context>
<context>
    <name>console.releases</name>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Each store group has its own rules and playlists. A kiosk runs the release of its highest-priority group that has one out.</source>
        <translation>Each store group has its own rules and playlists. A kiosk runs the release of its highest-priority group that has one out.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Group</source>
        <translation>Group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>In canary</source>
        <translation>In canary</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Out to all</source>
        <translation>Out to all</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <location filename="../../../signage/server/console/templates/release_tables.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Release version {version} does not decode: {problem}</source>
        <translation>Release version {version} does not decode: {problem}</translation>
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
        <translation>Releases</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>Store groups and their releases</source>
        <translation>Store groups and their releases</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Stores</source>
        <translation>Stores</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>There are no store groups yet. An admin makes them ({command}).</source>
        <translation>There are no store groups yet. An admin makes them ({command}).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>canary</source>
        <translation>canary</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>chain</source>
        <translation>chain</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>format</source>
        <translation>format</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>group {group} has no release version {version}; its versions are listed on its page.</source>
        <translation>group {group} has no release version {version}; its versions are listed on its page.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>in {group}</source>
        <translation>in {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/content.html"/>
        <location filename="../../../signage/server/console/templates/content_item.html"/>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>not out</source>
        <translation>not out</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group.html"/>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release.html"/>
        <source>out to all</source>
        <translation>out to all</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>region</source>
        <translation>region</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/releases.html"/>
        <source>tag</source>
        <translation>tag</translation>
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
        <translation>version {version}</translation>
    </message>
</context>
<context>
    <name>console.reports</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>%n audience samples</source>
        <translation>
            <numerusform>%n audience sample</numerusform>
            <numerusform>%n audience samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>%n plays</source>
        <translation>
            <numerusform>%n play</numerusform>
            <numerusform>%n plays</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>All stores</source>
        <translation>All stores</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>All stores of the group</source>
        <translation>All stores of the group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience by hour</source>
        <translation>Audience by hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience by weekday</source>
        <translation>Audience by weekday</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience mix by hour of day</source>
        <translation>Audience mix by hour of day</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience mix by weekday</source>
        <translation>Audience mix by weekday</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience samples</source>
        <translation>Audience samples</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience samples by hour and segment, {where}</source>
        <translation>Audience samples by hour and segment, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Audience samples by weekday and segment, {where}</source>
        <translation>Audience samples by weekday and segment, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>By hour</source>
        <translation>By hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Clear the filter</source>
        <translation>Clear the filter</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/report_charts.html"/>
        <source>Colours of the chart</source>
        <translation>Colours of the chart</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download every sample count by weekday, hour and segment as CSV</source>
        <translation>Download every sample count by weekday, hour and segment as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download plays by hour as CSV</source>
        <translation>Download plays by hour as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download rule hits as CSV</source>
        <translation>Download rule hits as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download samples with people by weekday and hour as CSV</source>
        <translation>Download samples with people by weekday and hour as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the audience mix by hour as CSV</source>
        <translation>Download the audience mix by hour as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the audience mix by weekday as CSV</source>
        <translation>Download the audience mix by weekday as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the groups table as CSV</source>
        <translation>Download the groups table as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Download the stores table as CSV</source>
        <translation>Download the stores table as CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Each bar is one hour's audience samples, split by who was in front of the screen most (the sample's dominant segment).</source>
        <translation>Each bar is one hour's audience samples, split by who was in front of the screen most (the sample's dominant segment).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Hour</source>
        <translation>Hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Hours, weekdays and dates are each store's own local time (its time zone on the store list).</source>
        <translation>Hours, weekdays and dates are each store's own local time (its time zone on the store list).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>How often somebody was in front of the screens, by weekday and hour, {where}; darker is more.</source>
        <translation>How often somebody was in front of the screens, by weekday and hour, {where}; darker is more.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Items each rule put on screen, {where}.</source>
        <translation>Items each rule put on screen, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Kiosks reporting</source>
        <translation>Kiosks reporting</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Minutes on screen in each store, {where}.</source>
        <translation>Minutes on screen in each store, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Minutes on screen per store</source>
        <translation>Minutes on screen per store</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No audience samples were reported for {where}.</source>
        <translation>No audience samples were reported for {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No kiosk reported any play or audience sample in {where}: try other dates, or check the fleet page that the kiosks are sending.</source>
        <translation>No kiosk reported any play or audience sample in {where}: try other dates, or check the fleet page that the kiosks are sending.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No plays were reported for {where}.</source>
        <translation>No plays were reported for {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>No rule put anything on screen in {where}.</source>
        <translation>No rule put anything on screen in {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>None of these stores is in a store group.</source>
        <translation>None of these stores is in a store group.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Per group</source>
        <translation>Per group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Per store</source>
        <translation>Per store</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays</source>
        <translation>Plays</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays and minutes by hour of day</source>
        <translation>Plays and minutes by hour of day</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays and minutes on screen by the hour they started, {where}</source>
        <translation>Plays and minutes on screen by the hour they started, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays and playlist starts per rule, {where}</source>
        <translation>Plays and playlist starts per rule, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Plays by hour of day</source>
        <translation>Plays by hour of day</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Plays that started in each hour, {where}.</source>
        <translation>Plays that started in each hour, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays, minutes and audience samples per store group, {where}</source>
        <translation>Plays, minutes and audience samples per store group, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays, minutes and audience samples per store, {where}</source>
        <translation>Plays, minutes and audience samples per store, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Plays: items a rule put on screen. Starts: times its playlist began (a kiosk's previous play came from another playlist or rule).</source>
        <translation>Plays: items a rule put on screen. Starts: times its playlist began (a kiosk's previous play came from another playlist or rule).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Rule hits</source>
        <translation>Rule hits</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Samples with people</source>
        <translation>Samples with people</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Samples with people by weekday and hour</source>
        <translation>Samples with people by weekday and hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Samples with people by weekday and hour, {where}</source>
        <translation>Samples with people by weekday and hour, {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Sections of the report</source>
        <translation>Sections of the report</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Seen most</source>
        <translation>Seen most</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The numbers by hour</source>
        <translation>The numbers by hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The numbers by weekday and hour</source>
        <translation>The numbers by weekday and hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The shares by hour</source>
        <translation>The shares by hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>The shares by weekday</source>
        <translation>The shares by weekday</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/report_charts.html"/>
        <source>The table below gives the same numbers.</source>
        <translation>The table below gives the same numbers.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>There is no store in this group: an admin adds stores on the server.</source>
        <translation>There is no store in this group: an admin adds stores on the server.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>There is no store yet: an admin adds stores on the server.</source>
        <translation>There is no store yet: an admin adds stores on the server.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Time zone</source>
        <translation>Time zone</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>To (included)</source>
        <translation>To (included)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Weekday</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Weekday × hour</source>
        <translation>Weekday × hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>When people are there: weekday × hour</source>
        <translation>When people are there: weekday × hour</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Who was in front of the screens in each hour, {where}.</source>
        <translation>Who was in front of the screens in each hour, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>Who was in front of the screens on each weekday, {where}.</source>
        <translation>Who was in front of the screens on each weekday, {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>With people</source>
        <translation>With people</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>every store</source>
        <translation>every store</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>no camera signal</source>
        <translation>no camera signal</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>nobody there</source>
        <translation>nobody there</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>other audiences</source>
        <translation>other audiences</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>store {store}</source>
        <translation>store {store}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>the stores of group {group}</source>
        <translation>the stores of group {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>{name} (unknown)</source>
        <translation>{name} (unknown)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>{plays}, {minutes} minutes on screen and {samples} in {where}.</source>
        <translation>{plays}, {minutes} minutes on screen and {samples} in {where}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{rule}: {plays} plays, {starts} starts</source>
        <translation>{rule}: {plays} plays, {starts} starts</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: nobody seen (no samples)</source>
        <translation>{slot}: nobody seen (no samples)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: nobody seen ({segment})</source>
        <translation>{slot}: nobody seen ({segment})</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: {count} samples with people, mostly {segment}</source>
        <translation>{slot}: {count} samples with people, mostly {segment}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: {plays} plays, {minutes} minutes on screen</source>
        <translation>{slot}: {plays} plays, {minutes} minutes on screen</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{slot}: {segment} {share} ({samples} of {total} samples)</source>
        <translation>{slot}: {segment} {share} ({samples} of {total} samples)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{store}: {plays} plays, {minutes} minutes</source>
        <translation>{store}: {plays} plays, {minutes} minutes</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, from {start} on</source>
        <translation>{where}, from {start} on</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, from {start} to {end}</source>
        <translation>{where}, from {start} to {end}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, over all the telemetry</source>
        <translation>{where}, over all the telemetry</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_reports.py"/>
        <source>{where}, up to {end}</source>
        <translation>{where}, up to {end}</translation>
    </message>
</context>
<context>
    <name>console.rollout</name>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>1. Try it in a canary group</source>
        <translation>1. Try it in a canary group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>2. Roll it out to all</source>
        <translation>2. Roll it out to all</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>By</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Canary group</source>
        <translation>Canary group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Choose a step: canary, all or rollback.</source>
        <translation>Choose a step: canary, all or rollback.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Choose the canary group whose stores try the release first.</source>
        <translation>Choose the canary group whose stores try the release first.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Confirm: canary in {group}</source>
        <translation>Confirm: canary in {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Confirm: out to all in {group}</source>
        <translation>Confirm: out to all in {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Confirm: roll back {group}</source>
        <translation>Confirm: roll back {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Every store of {group} goes back to version {previous}, in place of version {current}.</source>
        <translation>Every store of {group} goes back to version {previous}, in place of version {current}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Every store of {group} switches to version {version}, replacing version {current}.</source>
        <translation>Every store of {group} switches to version {version}, replacing version {current}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Every store of {group} switches to version {version}.</source>
        <translation>Every store of {group} switches to version {version}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Kiosks targeted</source>
        <translation>Kiosks targeted</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Not yet</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Nothing of {group} is out yet, so there is nothing to roll back.</source>
        <translation>Nothing of {group} is out yet, so there is nothing to roll back.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Nothing rolled out yet.</source>
        <translation>Nothing rolled out yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Nothing to go back to yet.</source>
        <translation>Nothing to go back to yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Puts version {previous} back in every store, in place of version {current}.</source>
        <translation>Puts version {previous} back in every store, in place of version {current}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll back</source>
        <translation>Roll back</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Roll back {group}?</source>
        <translation>Roll back {group}?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll back…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll out to every store…</source>
        <translation>Roll out to every store…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Roll out to the canary group…</source>
        <translation>Roll out to the canary group…</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Roll version {version} out to every store?</source>
        <translation>Roll version {version} out to every store?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Rolled back: every store of {group} goes back to version {version}.</source>
        <translation>Rolled back: every store of {group} goes back to version {version}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Rollout of {group}</source>
        <translation>Rollout of {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Running it</source>
        <translation>Running it</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/reports.html"/>
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Step</source>
        <translation>Step</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>The kiosks of the stores in {canary_group} (%n stores) that take {group}'s release switch to version {version}.</source>
        <translation>
            <numerusform>The kiosks of the stores in {canary_group} (%n store) that take {group}'s release switch to version {version}.</numerusform>
            <numerusform>The kiosks of the stores in {canary_group} (%n stores) that take {group}'s release switch to version {version}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>The kiosks of the stores in {canary_group} (%n stores) that take {group}'s release switch to version {version}; the other stores keep version {current}.</source>
        <translation>
            <numerusform>The kiosks of the stores in {canary_group} (%n store) that take {group}'s release switch to version {version}; the other stores keep version {current}.</numerusform>
            <numerusform>The kiosks of the stores in {canary_group} (%n stores) that take {group}'s release switch to version {version}; the other stores keep version {current}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>The order: a new version goes to a canary group first, then to all; Roll back withdraws a canary, or puts the version before the current one back.</source>
        <translation>The order: a new version goes to a canary group first, then to all; Roll back withdraws a canary, or puts the version before the current one back.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>There may be nothing to roll back; the server will say.</source>
        <translation>There may be nothing to roll back; the server will say.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Try version {version} in {canary_group}?</source>
        <translation>Try version {version} in {canary_group}?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {canary} is in canary in {canary_group} now: roll it out to all or roll it back before trying version {version}.</source>
        <translation>Version {canary} is in canary in {canary_group} now: roll it out to all or roll it back before trying version {version}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} already runs in every store of {group}; nothing to do.</source>
        <translation>Version {version} already runs in every store of {group}; nothing to do.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} has not been tried in a canary group yet: roll it out to a canary group first, check it there, then roll it out to all.</source>
        <translation>Version {version} has not been tried in a canary group yet: roll it out to a canary group first, check it there, then roll it out to all.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is already in canary; roll it out to all, or roll it back.</source>
        <translation>Version {version} is already in canary; roll it out to all, or roll it back.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is older than version {current}, which every store runs: to go back, use Roll back instead.</source>
        <translation>Version {version} is older than version {current}, which every store runs: to go back, use Roll back instead.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is out in canary: the stores of {canary_group} run it now.</source>
        <translation>Version {version} is out in canary: the stores of {canary_group} run it now.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is out to every store of {group}.</source>
        <translation>Version {version} is out to every store of {group}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is the first release of {group} that went out to all stores, so there is no earlier one to go back to.</source>
        <translation>Version {version} is the first release of {group} that went out to all stores, so there is no earlier one to go back to.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Version {version} is withdrawn from canary; its stores go back to the current release.</source>
        <translation>Version {version} is withdrawn from canary; its stores go back to the current release.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Version {version} is withdrawn from {canary_group}; those stores go back to their next group's release.</source>
        <translation>Version {version} is withdrawn from {canary_group}; those stores go back to their next group's release.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Version {version} is withdrawn from {canary_group}; those stores go back to version {current}.</source>
        <translation>Version {version} is withdrawn from {canary_group}; those stores go back to version {current}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>Withdraws version {version} from {group}.</source>
        <translation>Withdraws version {version} from {group}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Yes, roll back</source>
        <translation>Yes, roll back</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_confirm.html"/>
        <source>Yes, roll it out</source>
        <translation>Yes, roll it out</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>canary in {group}</source>
        <translation>canary in {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>kiosk {kiosks}</source>
        <translation>kiosk {kiosks}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>kiosk {kiosks} and more</source>
        <translation>kiosk {kiosks} and more</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>rollback</source>
        <translation>rollback</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>rollout</source>
        <translation>rollout</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>to all</source>
        <translation>to all</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>version {version} (canary)</source>
        <translation>version {version} (canary)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>version {version} (out to all)</source>
        <translation>version {version} (out to all)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/group_rollout.html"/>
        <source>version {version}, tried in the stores of {group}</source>
        <translation>version {version}, tried in the stores of {group}</translation>
    </message>
</context>
<context>
    <name>console.simulator</name>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>As {command} prints it</source>
        <translation>As {command} prints it</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>At {when}: {playlist}</source>
        <translation>At {when}: {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Audience:</source>
        <translation>Audience:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Back to editing this draft</source>
        <translation>Back to editing this draft</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Camera's confidence (0–1)</source>
        <translation>Camera's confidence (0–1)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Expected {expected}, got {value}.</source>
        <translation>Expected {expected}, got {value}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Items:</source>
        <translation>Items:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Local time</source>
        <translation>Local time</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Longest stay (s)</source>
        <translation>Longest stay (s)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Minors guardrail: {items} withheld because {reason}.</source>
        <translation>Minors guardrail: {items} withheld because {reason}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Outcome</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>People in front of the screen</source>
        <translation>People in front of the screen</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Rule:</source>
        <translation>Rule:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Show what would play</source>
        <translation>Show what would play</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>The draft cannot play yet; fix these in the editor:</source>
        <translation>The draft cannot play yet; fix these in the editor:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>The kiosk's own decision (the same as {command}), with the default decision settings.</source>
        <translation>The kiosk's own decision (the same as {command}), with the default decision settings.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>This group has no release yet: nothing to simulate.</source>
        <translation>This group has no release yet: nothing to simulate.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>Unknown value {value}; choose one of the list.</source>
        <translation>Unknown value {value}; choose one of the list.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>What would play in {group}</source>
        <translation>What would play in {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>What would play in {group}?</source>
        <translation>What would play in {group}?</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>Why:</source>
        <translation>Why:</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>a number from 0 to 1</source>
        <translation>a number from 0 to 1</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>a whole number of people, 0 or more</source>
        <translation>a whole number of people, 0 or more</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>gender targeting on</source>
        <translation>gender targeting on</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>none (the default playlist)</source>
        <translation>none (the default playlist)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>not known</source>
        <translation>not known</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>nothing plays</source>
        <translation>nothing plays</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>plays</source>
        <translation>plays</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_releases.py"/>
        <source>seconds, 0 or more</source>
        <translation>seconds, 0 or more</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>someone else may be a minor</source>
        <translation>someone else may be a minor</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>the camera has no signal</source>
        <translation>the camera has no signal</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>the draft being edited</source>
        <translation>the draft being edited</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/release_simulator.html"/>
        <source>what would play</source>
        <translation>what would play</translation>
    </message>
</context>
<context>
    <name>console.suggestions</name>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>%n baskets</source>
        <translation>
            <numerusform>%n basket</numerusform>
            <numerusform>%n baskets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>%n new suggestions</source>
        <translation>
            <numerusform>%n new suggestion</numerusform>
            <numerusform>%n new suggestions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>%n rejected ones</source>
        <translation>
            <numerusform>%n rejected one</numerusform>
            <numerusform>%n rejected ones</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>%n stores</source>
        <translation>
            <numerusform>%n store</numerusform>
            <numerusform>%n stores</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>%n stores have no purchase history.</source>
        <translation>
            <numerusform>%n store has no purchase history.</numerusform>
            <numerusform>%n stores have no purchase history.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>A suggestion is accepted, rejected or put back, not {state}; use the buttons on the page.</source>
        <translation>A suggestion is accepted, rejected or put back, not {state}; use the buttons on the page.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>A whole number; higher wins when several rules match.</source>
        <translation>A whole number; higher wins when several rules match.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Accept one to put it in the group's next release, or reject it.</source>
        <translation>Accept one to put it in the group's next release, or reject it.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Accept with these changes</source>
        <translation>Accept with these changes</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Accepted suggestions go into group {group}'s next release as enabled rules, next to the rules it has. Make that release on {releases_link}, then roll it out.</source>
        <translation>Accepted suggestions go into group {group}'s next release as enabled rules, next to the rules it has. Make that release on {releases_link}, then roll it out.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Accepted {name} with your changes: it is yours now (re-learning leaves it alone) and goes into group {group}'s next release.</source>
        <translation>Accepted {name} with your changes: it is yours now (re-learning leaves it alone) and goes into group {group}'s next release.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Accepted {name}: it goes into group {group}'s next release; make that release on the releases page.</source>
        <translation>Accepted {name}: it goes into group {group}'s next release; make that release on the releases page.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Age groups (none ticked: anyone)</source>
        <translation>Age groups (none ticked: anyone)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Baskets</source>
        <translation>Baskets</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Change a suggestion</source>
        <translation>Change a suggestion</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Change, then accept</source>
        <translation>Change, then accept</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Choose a group</source>
        <translation>Choose a group</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Choose a group to see its suggestions.</source>
        <translation>Choose a group to see its suggestions.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Fewest baskets in a context</source>
        <translation>Fewest baskets in a context</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Fewest of them holding the category</source>
        <translation>Fewest of them holding the category</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>From (optional)</source>
        <translation>From (optional)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>From the purchase history of the group's stores. Accepted and rejected suggestions keep their state; the others' numbers are refreshed.</source>
        <translation>From the purchase history of the group's stores. Accepted and rejected suggestions keep their state; the others' numbers are refreshed.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Group {group} has no suggestion {name} (any more); go back to its suggestions.</source>
        <translation>Group {group} has no suggestion {name} (any more); go back to its suggestions.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Last learned</source>
        <translation>Last learned</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Last learned on {when} UTC by {person}, from {baskets} of {stores} ({findings} findings), {period}.</source>
        <translation>Last learned on {when} UTC by {person}, from {baskets} of {stores} ({findings} findings), {period}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learn again</source>
        <translation>Learn again</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learn again for {group}</source>
        <translation>Learn again for {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learn from purchase history</source>
        <translation>Learn from purchase history</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Learned from {baskets} of {stores}: {added}, {updated} refreshed, {rejected} not suggested again, {removed} no longer supported removed.</source>
        <translation>Learned from {baskets} of {stores}: {added}, {updated} refreshed, {rejected} not suggested again, {removed} no longer supported removed.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning did not run: {link}.</source>
        <translation>Learning did not run: {link}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning from the purchase history… this takes a few seconds.</source>
        <translation>Learning from the purchase history… this takes a few seconds.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning has not run for {group} yet.</source>
        <translation>Learning has not run for {group} yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Learning looks at the purchase history of a group's stores for what some shoppers buy more often at some times, and suggests a rule that shows them a matching playlist then. Nothing plays until you accept a suggestion and the group's next release goes out.</source>
        <translation>Learning looks at the purchase history of a group's stores for what some shoppers buy more often at some times, and suggests a rule that shows them a matching playlist then. Nothing plays until you accept a suggestion and the group's next release goes out.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Learning never suggests these again (put one back to change that).</source>
        <translation>Learning never suggests these again (put one back to change that).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Lift</source>
        <translation>Lift</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Lift, 95% lower bound</source>
        <translation>Lift, 95% lower bound</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Lowest lift</source>
        <translation>Lowest lift</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Lowest support (share of all baskets)</source>
        <translation>Lowest support (share of all baskets)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <source>Next release of {group}</source>
        <translation>Next release of {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>No suggestion is accepted yet.</source>
        <translation>No suggestion is accepted yet.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>No suggestion was rejected.</source>
        <translation>No suggestion was rejected.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Nothing is waiting: every suggestion of the last run is decided, or the data supported none (try lower thresholds).</source>
        <translation>Nothing is waiting: every suggestion of the last run is decided, or the data supported none (try lower thresholds).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Now: {rule}</source>
        <translation>Now: {rule}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Of {baskets} baskets in this context, {with_category} ({confidence}) held {category}, against {average} of all the group's baskets: {lift}x as often (the lift). With 95% confidence it is at least {lower}x. Such baskets with {category} are {support} of all baskets (the support).</source>
        <translation>Of {baskets} baskets in this context, {with_category} ({confidence}) held {category}, against {average} of all the group's baskets: {lift}x as often (the lift). With 95% confidence it is at least {lower}x. Such baskets with {category} are {support} of all baskets (the support).</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Once you change a suggestion it is yours: re-learning will not change it again.</source>
        <translation>Once you change a suggestion it is yours: re-learning will not change it again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Plays {playlist} at priority {priority} when: {conditions}.</source>
        <translation>Plays {playlist} at priority {priority} when: {conditions}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Put back to waiting</source>
        <translation>Put back to waiting</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Rejected {name}: learning will not suggest it again.</source>
        <translation>Rejected {name}: learning will not suggest it again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Rule {name}.</source>
        <translation>Rule {name}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Run learning to get suggestions.</source>
        <translation>Run learning to get suggestions.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>See the rules the next release gets</source>
        <translation>See the rules the next release gets</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Store groups</source>
        <translation>Store groups</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Suggestions for {group}</source>
        <translation>Suggestions for {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Support</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>The group has no release yet, so no finding became a rule: make a release with playlists first.</source>
        <translation>The group has no release yet, so no finding became a rule: make a release with playlists first.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <source>The group's current release with its accepted suggestions as enabled rules. Make the release from it on {releases_link}.</source>
        <translation>The group's current release with its accepted suggestions as enabled rules. Make the release from it on {releases_link}.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>The rule is not saved: correct what is marked below.</source>
        <translation>The rule is not saved: correct what is marked below.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <source>The rules {group}'s next release gets</source>
        <translation>The rules {group}'s next release gets</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>There are no store groups yet: an admin makes them (signage server, or POST /api/v1/groups), then learning can run for one.</source>
        <translation>There are no store groups yet: an admin makes them (signage server, or POST /api/v1/groups), then learning can run for one.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>These go into the group's next release as enabled rules.</source>
        <translation>These go into the group's next release as enabled rules.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Thresholds (leave empty for the defaults)</source>
        <translation>Thresholds (leave empty for the defaults)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Until, not included (optional)</source>
        <translation>Until, not included (optional)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>Waiting</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>Waiting for a decision</source>
        <translation>Waiting for a decision</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>What happens next</source>
        <translation>What happens next</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_edit.html"/>
        <source>Windows like 15:00-18:00, separated by commas; empty: any time of day. In each store's own time.</source>
        <translation>Windows like 15:00-18:00, separated by commas; empty: any time of day. In each store's own time.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>With {category}</source>
        <translation>With {category}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>You are signed in as a {role}: editors accept, reject and run learning.</source>
        <translation>You are signed in as a {role}: editors accept, reject and run learning.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>all the history</source>
        <translation>all the history</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>correct what is marked under “Learn again”</source>
        <translation>correct what is marked under “Learn again”</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>from {start} until {end}</source>
        <translation>from {start} until {end}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>never</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>the end</source>
        <translation>the end</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestion_document.html"/>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>the releases page of {group}</source>
        <translation>the releases page of {group}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>the start</source>
        <translation>the start</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>{group} ({count} waiting)</source>
        <translation>{group} ({count} waiting)</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>{name} is waiting for a decision again.</source>
        <translation>{name} is waiting for a decision again.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/templates/suggestions.html"/>
        <source>{state}, edited</source>
        <translation>{state}, edited</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>{value} is not a number; correct it or leave it empty.</source>
        <translation>{value} is not a number; correct it or leave it empty.</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/pages_suggestions.py"/>
        <source>{value} is not a whole number; correct it or leave it empty.</source>
        <translation>{value} is not a whole number; correct it or leave it empty.</translation>
    </message>
</context>
<context>
    <name>console.words</name>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>every day</source>
        <translation>every day</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>groups of {low} or more</source>
        <translation>groups of {low} or more</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>groups of {low} to {high}</source>
        <translation>groups of {low} to {high}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>learned</source>
        <translation>learned</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>learned, then edited</source>
        <translation>learned, then edited</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>not known</source>
        <translation>not known</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>play once</source>
        <translation>play once</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>someone present</source>
        <translation>someone present</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>start again</source>
        <translation>start again</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>staying {seconds} s or more</source>
        <translation>staying {seconds} s or more</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>wearing {attire}</source>
        <translation>wearing {attire}</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>written by hand</source>
        <translation>written by hand</translation>
    </message>
    <message>
        <location filename="../../../signage/server/console/words.py"/>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
</context>
</TS>
