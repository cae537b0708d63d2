<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>editor</name>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing} the file: {error}.</source>
        <translation>Could not {doing} the file: {error}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: an unexpected problem ({kind}: {error}).</source>
        <translation>Could not {doing}: an unexpected problem ({kind}: {error}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: it no longer exists. Someone may have deleted it. ({error})</source>
        <translation>Could not {doing}: it no longer exists. Someone may have deleted it. ({error})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: someone else changed this while you were editing ({error}). Reload to see their change, then make yours again.</source>
        <translation>Could not {doing}: someone else changed this while you were editing ({error}). Reload to see their change, then make yours again.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>Could not {doing}: {error}.</source>
        <translation>Could not {doing}: {error}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/context.py"/>
        <source>save</source>
        <translation>save</translation>
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
        <translation>Add images (PNG, JPEG, WebP) or videos (MP4, WebM, MOV, AVI). Each file is copied into the library folder, so the original may be moved or deleted afterwards.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Adults only (18+)</source>
        <translation>Adults only (18+)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Content</source>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Content library</source>
        <translation>Content library</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Copying {file} into the library…</source>
        <translation>Copying {file} into the library…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Could not import {file}: {reason}.</source>
        <translation>Could not import {file}: {reason}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Could not remove {name}: {reason}</source>
        <translation>Could not remove {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Could not save {name}: {reason}</source>
        <translation>Could not save {name}: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Discard your unsaved changes to {name}?</source>
        <translation>Discard your unsaved changes to {name}?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Drop image and video files here to import them.</source>
        <translation>Drop image and video files here to import them.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>For alcohol, tobacco or lottery ads: never shown while the camera sees someone who may be a minor.</source>
        <translation>For alcohol, tobacco or lottery ads: never shown while the camera sees someone who may be a minor.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Give the item a title: the editor and the reports show it.</source>
        <translation>Give the item a title: the editor and the reports show it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Images and videos ({patterns});;All files (*)</source>
        <translation>Images and videos ({patterns});;All files (*)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Import file…</source>
        <translation>Import file…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Import into the content library</source>
        <translation>Import into the content library</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Imported %n files into the content library: {names}.</source>
        <translation>
            <numerusform>Imported %n file into the content library: {names}.</numerusform>
            <numerusform>Imported %n files into the content library: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Item {name}</source>
        <translation>Item {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Item {name} (not saved)</source>
        <translation>Item {name} (not saved)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Nothing was saved: correct the fields marked in red.</source>
        <translation>Nothing was saved: correct the fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Remove the item from the library. Refused while playlists list it.</source>
        <translation>Remove the item from the library. Refused while playlists list it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Remove {name} from the content library? Its file stays in the library folder.</source>
        <translation>Remove {name} from the content library? Its file stays in the library folder.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Removed {name} from the content library.</source>
        <translation>Removed {name} from the content library.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Remove…</source>
        <translation>Remove…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Save item</source>
        <translation>Save item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Save this item's settings (Ctrl+S). The player uses them at once.</source>
        <translation>Save this item's settings (Ctrl+S). The player uses them at once.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Saved {name}. The player uses the new settings at once.</source>
        <translation>Saved {name}. The player uses the new settings at once.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Separate tags with commas; each tag needs at least one letter or digit.</source>
        <translation>Separate tags with commas; each tag needs at least one letter or digit.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Showing the item as it is saved.</source>
        <translation>Showing the item as it is saved.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Shown</source>
        <translation>Shown</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Shown from</source>
        <translation>Shown from</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Shown until</source>
        <translation>Shown until</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The first day the ad may be shown (included).</source>
        <translation>The first day the ad may be shown (included).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The last day comes before the first day ({start}).</source>
        <translation>The last day comes before the first day ({start}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The last day the ad may be shown (included).</source>
        <translation>The last day the ad may be shown (included).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The library is empty: import a file, or drop one here.</source>
        <translation>The library is empty: import a file, or drop one here.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>The name of the ad as people in the shop say it.</source>
        <translation>The name of the ad as people in the shop say it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>Words that group ads, separated by commas. Rules and playlists can pick ads by tag; the tag alcohol marks drinks for adults.</source>
        <translation>Words that group ads, separated by commas. Rules and playlists can pick ads by tag; the tag alcohol marks drinks for adults.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>YYYY-MM-DD, empty: no limit</source>
        <translation>YYYY-MM-DD, empty: no limit</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>for example snacks, sweets</source>
        <translation>for example snacks, sweets</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>from {start}</source>
        <translation>from {start}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>it is a folder; import its files, or use signage content scan</source>
        <translation>it is a folder; import its files, or use signage content scan</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>until {end}</source>
        <translation>until {end}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{file} is already in the library as {name}.</source>
        <translation>{file} is already in the library as {name}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{name} cannot be removed: it is in %n playlists ({playlists}). Take it out of them first.</source>
        <translation>
            <numerusform>{name} cannot be removed: it is in %n playlist ({playlists}). Take it out of it first.</numerusform>
            <numerusform>{name} cannot be removed: it is in %n playlists ({playlists}). Take it out of them first.</numerusform>
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
        <translation>{name}: {kind}, {seconds}. File: {file}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{start} to {end}</source>
        <translation>{start} to {end}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/content_tab.py"/>
        <source>{value} is not a date: write it as YYYY-MM-DD, for example 2026-12-31.</source>
        <translation>{value} is not a date: write it as YYYY-MM-DD, for example 2026-12-31.</translation>
    </message>
</context>
<context>
    <name>editor.playlists</name>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Add from the library</source>
        <translation>Add from the library</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Add item</source>
        <translation>Add item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Add the selected library item at the end of the playlist.</source>
        <translation>Add the selected library item at the end of the playlist.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Delete the playlist {name}? The player stops using it at once.</source>
        <translation>Delete the playlist {name}? The player stops using it at once.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Deleted the playlist {name}.</source>
        <translation>Deleted the playlist {name}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Delete…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Discard changes</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Discard your unsaved changes to the playlist {name}?</source>
        <translation>Discard your unsaved changes to the playlist {name}?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Drag an item onto the playlist's items to add it there, or select it and press Add item.</source>
        <translation>Drag an item onto the playlist's items to add it there, or select it and press Add item.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Drag items to change the order they play in; drop items of the library here to add them.</source>
        <translation>Drag items to change the order they play in; drop items of the library here to add them.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Forget the changes and show the playlist as it is saved now.</source>
        <translation>Forget the changes and show the playlist as it is saved now.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>How long this item shows in this playlist. Lowest value: the item's own length.</source>
        <translation>How long this item shows in this playlist. Lowest value: the item's own length.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Items of {name}</source>
        <translation>Items of {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Items of {name} (not saved)</source>
        <translation>Items of {name} (not saved)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Loop: start again after the last item</source>
        <translation>Loop: start again after the last item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Name of the new playlist (lower-case letters, digits and _):</source>
        <translation>Name of the new playlist (lower-case letters, digits and _):</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>New playlist</source>
        <translation>New playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>New playlist {name}: add items, then Save.</source>
        <translation>New playlist {name}: add items, then Save.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>New…</source>
        <translation>New…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Play once, then let the rules choose again</source>
        <translation>Play once, then let the rules choose again</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Play the playlist as it is on screen in a small window, each item for its display time, without sound.</source>
        <translation>Play the playlist as it is on screen in a small window, each item for its display time, without sound.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Playlists</source>
        <translation>Playlists</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Preview playlist…</source>
        <translation>Preview playlist…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Redo: {edit} (Ctrl+Shift+Z)</source>
        <translation>Redo: {edit} (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Remove item</source>
        <translation>Remove item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Save playlist</source>
        <translation>Save playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Save this playlist (Ctrl+S). The player picks it up at once.</source>
        <translation>Save this playlist (Ctrl+S). The player picks it up at once.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Saved {name}. The player picks it up at once.</source>
        <translation>Saved {name}. The player picks it up at once.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Set as default</source>
        <translation>Set as default</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Show for</source>
        <translation>Show for</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Showing the playlist as it is saved.</source>
        <translation>Showing the playlist as it is saved.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>The default playlist plays whenever no rule matches.</source>
        <translation>The default playlist plays whenever no rule matches.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>The new playlist {name} was never saved: it is gone.</source>
        <translation>The new playlist {name} was never saved: it is gone.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>There is already a playlist called {name}: choose another name.</source>
        <translation>There is already a playlist called {name}: choose another name.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Titles, tags, dates and importing: the Content tab.</source>
        <translation>Titles, tags, dates and importing: the Content tab.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>Undo: {edit} (Ctrl+Z)</source>
        <translation>Undo: {edit} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>add an item</source>
        <translation>add an item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>change a display time</source>
        <translation>change a display time</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>change the loop policy</source>
        <translation>change the loop policy</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>image</source>
        <translation>image</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>its own length</source>
        <translation>its own length</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>move an item</source>
        <translation>move an item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>no tags</source>
        <translation>no tags</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>remove an item</source>
        <translation>remove an item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>text slide</source>
        <translation>text slide</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name}
not in the content library: the player skips it</source>
        <translation>{name}
not in the content library: the player skips it</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} (default)</source>
        <translation>{name} (default)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} (new, not saved)</source>
        <translation>{name} (new, not saved)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} cannot be deleted: %n rules play it ({rules}). Change or delete those rules first.</source>
        <translation>
            <numerusform>{name} cannot be deleted: %n rule plays it ({rules}). Change or delete that rule first.</numerusform>
            <numerusform>{name} cannot be deleted: %n rules play it ({rules}). Change or delete those rules first.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} cannot be deleted: it is the default playlist, which plays whenever no rule matches. Make another playlist the default first.</source>
        <translation>{name} cannot be deleted: it is the default playlist, which plays whenever no rule matches. Make another playlist the default first.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{name} is now the default: it plays whenever no rule matches.</source>
        <translation>{name} is now the default: it plays whenever no rule matches.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{seconds} (own length {own})</source>
        <translation>{seconds} (own length {own})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/playlists_tab.py"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>editor.preview</name>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Finished: this playlist plays once, then the rules choose again.</source>
        <translation>Finished: this playlist plays once, then the rules choose again.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Item {number} of {count}: {title}, {seconds} s</source>
        <translation>Item {number} of {count}: {title}, {seconds} s</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Nothing to play: none of the playlist's items is in the content library.</source>
        <translation>Nothing to play: none of the playlist's items is in the content library.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Play from the start</source>
        <translation>Play from the start</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Preview of {playlist}</source>
        <translation>Preview of {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>Stopped.</source>
        <translation>Stopped.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>The file {file} cannot be read.</source>
        <translation>The file {file} cannot be read.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>The file {file} is missing.</source>
        <translation>The file {file} is missing.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/preview.py"/>
        <source>The video {file} cannot be played: {reason}</source>
        <translation>The video {file} cannot be played: {reason}</translation>
    </message>
</context>
<context>
    <name>editor.reports</name>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(all)</source>
        <translation>(all)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(default playlist)</source>
        <translation>(default playlist)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(no camera signal)</source>
        <translation>(no camera signal)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(nobody)</source>
        <translation>(nobody)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>(nothing playable)</source>
        <translation>(nothing playable)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Ad</source>
        <translation>Ad</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Attention (s)</source>
        <translation>Attention (s)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Attention: seconds a person faced the screen during a play, on average per opportunity.</source>
        <translation>Attention: seconds a person faced the screen during a play, on average per opportunity.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Attention: who could see it, who looked</source>
        <translation>Attention: who could see it, who looked</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>By ad</source>
        <translation>By ad</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>By playlist</source>
        <translation>By playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>By rule</source>
        <translation>By rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV files (*.csv)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Could not export {path}: {error}.</source>
        <translation>Could not export {path}: {error}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Dwell (s)</source>
        <translation>Dwell (s)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Dwell: seconds a person stood in front of the screen during a play, on average per opportunity.</source>
        <translation>Dwell: seconds a person stood in front of the screen during a play, on average per opportunity.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Export CSV</source>
        <translation>Export CSV</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Export CSV…</source>
        <translation>Export CSV…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Exported %n rows to {path}.</source>
        <translation>
            <numerusform>Exported %n row to {path}.</numerusform>
            <numerusform>Exported %n rows to {path}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>For each hour, the share of the camera's audience samples in which each group was the largest in front of the screen.</source>
        <translation>For each hour, the share of the camera's audience samples in which each group was the largest in front of the screen.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>From the first play</source>
        <translation>From the first play</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>From {start} to {end}: %n plays, {duration} on screen.</source>
        <translation>
            <numerusform>From {start} to {end}: %n play, {duration} on screen.</numerusform>
            <numerusform>From {start} to {end}: %n plays, {duration} on screen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads each rule put on screen, and how many times its playlist started from the beginning.</source>
        <translation>How many ads each rule put on screen, and how many times its playlist started from the beginning.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads it put on screen.</source>
        <translation>How many ads it put on screen.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads of each playlist were shown, and for how long in all.</source>
        <translation>How many ads of each playlist were shown, and for how long in all.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many ads the screen showed in each hour of the day, over the whole period.</source>
        <translation>How many ads the screen showed in each hour of the day, over the whole period.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many times an ad was shown in the period.</source>
        <translation>How many times an ad was shown in the period.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How many times its playlist started from the first ad.</source>
        <translation>How many times its playlist started from the first ad.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How much the ads were seen: how many people stood in front of the screen while an ad played (opportunities to see), how many of them looked at it, and for how long.</source>
        <translation>How much the ads were seen: how many people stood in front of the screen while an ad played (opportunities to see), how many of them looked at it, and for how long.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>How often each rule played</source>
        <translation>How often each rule played</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown</source>
        <translation>Items shown</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown and playlist starts per rule</source>
        <translation>Items shown and playlist starts per rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown per hour of the day</source>
        <translation>Items shown per hour of the day</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Items shown per playlist</source>
        <translation>Items shown per playlist</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Last %n days</source>
        <translation>
            <numerusform>Last %n day</numerusform>
            <numerusform>Last %n days</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Measured</source>
        <translation>Measured</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Minutes on screen</source>
        <translation>Minutes on screen</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Minutes on screen per playlist</source>
        <translation>Minutes on screen per playlist</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>No measured plays from {start} to {end}: %n plays, none of them with audience snapshots (attention is measured only while the audience camera runs).</source>
        <translation>
            <numerusform>No measured plays from {start} to {end}: %n play, none of them with audience snapshots (attention is measured only while the audience camera runs).</numerusform>
            <numerusform>No measured plays from {start} to {end}: %n plays, none of them with audience snapshots (attention is measured only while the audience camera runs).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>No plays from {start} to {end}.</source>
        <translation>No plays from {start} to {end}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>No plays logged in this period. The player logs every item it shows.</source>
        <translation>No plays logged in this period. The player logs every item it shows.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Nothing is logged yet: the player logs every item it shows.</source>
        <translation>Nothing is logged yet: the player logs every item it shows.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Of those people, how many faced the screen for at least 1 second during the play.</source>
        <translation>Of those people, how many faced the screen for at least 1 second during the play.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Opportunities</source>
        <translation>Opportunities</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Opportunities to see: the people in front of the screen while a measured play was on, added up over the plays (one person during two plays counts twice).</source>
        <translation>Opportunities to see: the people in front of the screen while a measured play was on, added up over the plays (one person during two plays counts twice).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Opportunities to see: {opportunities}; viewers: {viewers} ({share}).</source>
        <translation>Opportunities to see: {opportunities}; viewers: {viewers} ({share}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Per opportunity, {attention} s of attention and {dwell} s of dwell.</source>
        <translation>Per opportunity, {attention} s of attention and {dwell} s of dwell.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Playlist starts</source>
        <translation>Playlist starts</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays</source>
        <translation>Plays</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays and time per playlist</source>
        <translation>Plays and time per playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays during which the audience camera was running. The other figures count these plays only: a play nobody measured is not a play nobody saw.</source>
        <translation>Plays during which the audience camera was running. The other figures count these plays only: a play nobody measured is not a play nobody saw.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Plays per hour</source>
        <translation>Plays per hour</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Reports</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Save the rows of this report in a file a spreadsheet opens.</source>
        <translation>Save the rows of this report in a file a spreadsheet opens.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Share of audience samples (%)</source>
        <translation>Share of audience samples (%)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The camera logged %n audience samples.</source>
        <translation>
            <numerusform>The camera logged %n audience sample.</numerusform>
            <numerusform>The camera logged %n audience samples.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The first day of the period.</source>
        <translation>The first day of the period.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The group seen most often at each hour of each weekday; point at a cell for the count.</source>
        <translation>The group seen most often at each hour of each weekday; point at a cell for the count.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The last day of the period (included).</source>
        <translation>The last day of the period (included).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>The rule that put the playlist on screen.</source>
        <translation>The rule that put the playlist on screen.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Viewer share</source>
        <translation>Viewer share</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Viewers</source>
        <translation>Viewers</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Viewers out of opportunities: 50% means half of the people who could see it looked at it.</source>
        <translation>Viewers out of opportunities: 50% means half of the people who could see it looked at it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>What each row of the table is: a rule, a playlist or an ad.</source>
        <translation>What each row of the table is: a rule, a playlist or an ad.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>What the row counts; the last row, (all), adds up every play.</source>
        <translation>What the row counts; the last row, (all), adds up every play.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Who was there most, by weekday and hour</source>
        <translation>Who was there most, by weekday and hour</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>Who was there, by hour</source>
        <translation>Who was there, by hour</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>through</source>
        <translation>through</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{day} {hours}: {who} in {count} of %n audience samples</source>
        <translation>
            <numerusform>{day} {hours}: {who} in {count} of %n audience sample</numerusform>
            <numerusform>{day} {hours}: {who} in {count} of %n audience samples</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{measured} of %n plays from {start} to {end} were measured.</source>
        <translation>
            <numerusform>{measured} of %n play from {start} to {end} was measured.</numerusform>
            <numerusform>{measured} of %n plays from {start} to {end} were measured.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/reports_tab.py"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
</context>
<context>
    <name>editor.rule_form</name>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source> plays per hour</source>
        <translation> plays per hour</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>&amp;Playlist</source>
        <translation>&amp;Playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>&amp;Share (weight)</source>
        <translation>&amp;Share (weight)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A name can have at most %n characters.</source>
        <translation>
            <numerusform>A name can have at most %n character.</numerusform>
            <numerusform>A name can have at most %n characters.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A name cannot start or end with a space.</source>
        <translation>A name cannot start or end with a space.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A name must be one line of ordinary characters.</source>
        <translation>A name must be one line of ordinary characters.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A rule keeps its name; use Duplicate for a new name.</source>
        <translation>A rule keeps its name; use Duplicate for a new name.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>A rule needs a name.</source>
        <translation>A rule needs a name.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Add time window</source>
        <translation>Add time window</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>After its playlist starts, the rule rests this long before it can start again; meanwhile other rules play. 'none' is no rest.</source>
        <translation>After its playlist starts, the rule rests this long before it can start again; meanwhile other rules play. 'none' is no rest.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Age groups</source>
        <translation>Age groups</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>All day (no time windows).</source>
        <translation>All day (no time windows).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>At most</source>
        <translation>At most</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Days</source>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Edit rule {name}</source>
        <translation>Edit rule {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Edit rule {name} (version {version})</source>
        <translation>Edit rule {name} (version {version})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Enabled (the player uses this rule)</source>
        <translation>Enabled (the player uses this rule)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Free text for your team: why the rule exists. The player ignores it.</source>
        <translation>Free text for your team: why the rule exists. The player ignores it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Fri</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Group of at least</source>
        <translation>Group of at least</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Higher wins, and {priority} is the highest priority a rule can have. %n of your rules already has it ({names}): when this rule and one of them match, the player draws between them by weight. To put this rule first, lower {names}.</source>
        <translation>
            <numerusform>Higher wins, and {priority} is the highest priority a rule can have. %n of your rules already has it ({names}): when both match, the player draws between them by weight. To put this rule first, lower {names}.</numerusform>
            <numerusform>Higher wins, and {priority} is the highest priority a rule can have. %n of your rules already have it ({names}): when this rule and one of them match, the player draws between them by weight. To put this rule first, lower {names}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Higher wins.</source>
        <translation>Higher wins.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Higher wins. Your rules use {low} to {high}: {where}</source>
        <translation>Higher wins. Your rules use {low} to {high}: {where}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>How often</source>
        <translation>How often</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>How the screen is shared with other rules of the same priority that fit at the same time: 1 is usual, 2 plays twice as often as a rule with 1.</source>
        <translation>How the screen is shared with other rules of the same priority that fit at the same time: 1 is usual, 2 plays twice as often as a rule with 1.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Mon</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>N&amp;ote</source>
        <translation>N&amp;ote</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>New rule {name} (the stored one was deleted)</source>
        <translation>New rule {name} (the stored one was deleted)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>P&amp;riority</source>
        <translation>P&amp;riority</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only for people wearing one of the ticked kinds of clothes.</source>
        <translation>Play only for people wearing one of the ticked kinds of clothes.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only once someone has stood in front of the screen this long: for passers-by who stop.</source>
        <translation>Play only once someone has stood in front of the screen this long: for passers-by who stop.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only when at least this many people are in front of the screen together. 'any' also plays when nobody is there.</source>
        <translation>Play only when at least this many people are in front of the screen together. 'any' also plays when nobody is there.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only when someone of a ticked age group is in front of the screen, as the camera estimates it. Hover an age group for its ages.</source>
        <translation>Play only when someone of a ticked age group is in front of the screen, as the camera estimates it. Hover an age group for its ages.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play only when the people in front of the screen came like this: on their own, an adult with a child, a group of minors or of adults.</source>
        <translation>Play only when the people in front of the screen came like this: on their own, an adult with a child, a group of minors or of adults.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Play the rule only between two times of the day</source>
        <translation>Play the rule only between two times of the day</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Plays {playlist} for {who}, {when}.</source>
        <translation>Plays {playlist} for {who}, {when}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Remove this time window</source>
        <translation>Remove this time window</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Rest after playing</source>
        <translation>Rest after playing</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Runs over midnight, until {time} the next day.</source>
        <translation>Runs over midnight, until {time} the next day.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Runs until midnight.</source>
        <translation>Runs until midnight.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Sat</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Someone on their own is never a group of 2 or more: untick it or lower the group size.</source>
        <translation>Someone on their own is never a group of 2 or more: untick it or lower the group size.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Staying at least</source>
        <translation>Staying at least</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Sun</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The days of the week the rule plays on; none ticked is every day.</source>
        <translation>The days of the week the rule plays on; none ticked is every day.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The first and the last day of a campaign (both included); unticked is no limit.</source>
        <translation>The first and the last day of a campaign (both included); unticked is no limit.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The first minute the rule plays, each day it applies</source>
        <translation>The first minute the rule plays, each day it applies</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The hours of the day the rule plays; none is all day.</source>
        <translation>The hours of the day the rule plays; none is all day.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The last day is before the first day.</source>
        <translation>The last day is before the first day.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The minute it stops; earlier than the start means it runs over midnight</source>
        <translation>The minute it stops; earlier than the start means it runs over midnight</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The most times the rule may start its playlist in any hour.</source>
        <translation>The most times the rule may start its playlist in any hour.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The playlist '{playlist}' no longer exists: choose another one.</source>
        <translation>The playlist '{playlist}' no longer exists: choose another one.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The rule</source>
        <translation>The rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The rule's name, as the history, the reports and the CLI show it. Letters, digits and _ read best: students_after_school.</source>
        <translation>The rule's name, as the history, the reports and the CLI show it. Letters, digits and _ read best: students_after_school.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>The share must be above 0 (1 is usual; 2 plays twice as often).</source>
        <translation>The share must be above 0 (1 is usual; 2 plays twice as often).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>There are no playlists yet: make one in the Playlists tab first.</source>
        <translation>There are no playlists yet: make one in the Playlists tab first.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This name is taken by another rule.</source>
        <translation>This name is taken by another rule.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This rule can never win: %n rules with a higher priority and the same or broader audience and times always win first, the highest {winner} (priority {priority}). Give this rule a priority above {priority}.</source>
        <translation>
            <numerusform>This rule can never win: %n rule with a higher priority and the same or broader audience and times always wins first, {winner} (priority {priority}). Give this rule a priority above {priority}.</numerusform>
            <numerusform>This rule can never win: %n rules with a higher priority and the same or broader audience and times always win first, the highest {winner} (priority {priority}). Give this rule a priority above {priority}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This rule can never win: {winner} (priority {priority}) plays for {who}, {when}, which includes everyone and every time this rule is for, and its higher priority always wins first. Give this rule a priority above {priority}, or narrow {winner}.</source>
        <translation>This rule can never win: {winner} (priority {priority}) plays for {who}, {when}, which includes everyone and every time this rule is for, and its higher priority always wins first. Give this rule a priority above {priority}, or narrow {winner}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This rule is for groups of at most %n: the smallest group cannot be larger.</source>
        <translation>
            <numerusform>This rule is for groups of at most %n: the smallest group cannot be larger.</numerusform>
            <numerusform>This rule is for groups of at most %n: the smallest group cannot be larger.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This time window is empty: it starts and ends at {time}. Remove it for all day.</source>
        <translation>This time window is empty: it starts and ends at {time}. Remove it for all day.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>This time window is listed twice (also number {number}).</source>
        <translation>This time window is listed twice (also number {number}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Thu</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Times</source>
        <translation>Times</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Tue</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Unticked, the rule is kept but the player ignores it.</source>
        <translation>Unticked, the rule is kept but the player ignores it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Wearing</source>
        <translation>Wearing</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Wed</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>What the screen plays while this rule wins. Ads marked 18+ in it are never shown while a minor may be watching (the minors guardrail), whatever the rule says.</source>
        <translation>What the screen plays while this rule wins. Ads marked 18+ in it are never shown while a minor may be watching (the minors guardrail), whatever the rule says.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>When (nothing set: always)</source>
        <translation>When (nothing set: always)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>When several rules fit the same people at the same time, the one with the highest priority plays. Equal priorities share the screen by their share (weight).</source>
        <translation>When several rules fit the same people at the same time, the one with the highest priority plays. Equal priorities share the screen by their share (weight).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Who it is for (nothing ticked: anyone)</source>
        <translation>Who it is for (nothing ticked: anyone)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>Why this rule exists, for whoever reads it next</source>
        <translation>Why this rule exists, for whoever reads it next</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>With</source>
        <translation>With</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>always</source>
        <translation>always</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>anyone</source>
        <translation>anyone</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>anyone present</source>
        <translation>anyone present</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>at {priority} every one of them comes first when both match.</source>
        <translation>at {priority} every one of them comes first when both match.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>at {priority} this rule comes before %n of them when both match.</source>
        <translation>
            <numerusform>at {priority} this rule comes before %n of them when both match.</numerusform>
            <numerusform>at {priority} this rule comes before %n of them when both match.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>at {priority} this rule comes before all of them when it matches.</source>
        <translation>at {priority} this rule comes before all of them when it matches.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>every day</source>
        <translation>every day</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>every day {times}</source>
        <translation>every day {times}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>for example students_after_school</source>
        <translation>for example students_after_school</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>from</source>
        <translation>from</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>from {first}</source>
        <translation>from {first}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>groups of %n or more</source>
        <translation>
            <numerusform>groups of %n or more</numerusform>
            <numerusform>groups of %n or more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>groups of up to %n</source>
        <translation>
            <numerusform>groups of up to %n</numerusform>
            <numerusform>groups of up to %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>groups of {low} to %n</source>
        <translation>
            <numerusform>groups of {low} to %n</numerusform>
            <numerusform>groups of {low} to %n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>men</source>
        <translation>men</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>people of unknown gender</source>
        <translation>people of unknown gender</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>staying {seconds} s or longer</source>
        <translation>staying {seconds} s or longer</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>suggested from purchases</source>
        <translation>suggested from purchases</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>suggestion, edited</source>
        <translation>suggestion, edited</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>time window from</source>
        <translation>time window from</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>time window to</source>
        <translation>time window to</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>until {last}</source>
        <translation>until {last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>women</source>
        <translation>women</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>written by a marketer</source>
        <translation>written by a marketer</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{days} {times}</source>
        <translation>{days} {times}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{days}, all day</source>
        <translation>{days}, all day</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first} and {last}</source>
        <translation>{first} and {last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first} or {last}</source>
        <translation>{first} or {last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first} to {last}</source>
        <translation>{first} to {last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first}, {rest}</source>
        <translation>{first}, {rest}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{first}-{last}</source>
        <translation>{first}-{last}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{genders} only</source>
        <translation>{genders} only</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{times}; {dates}</source>
        <translation>{times}; {dates}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rule_form.py"/>
        <source>{who} in {attire}</source>
        <translation>{who} in {attire}</translation>
    </message>
</context>
<context>
    <name>editor.rules</name>
    <message numerus="yes">
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>%n rules</source>
        <translation>
            <numerusform>%n rule</numerusform>
            <numerusform>%n rules</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>%n suggestions wait on the Suggestions tab</source>
        <translation>
            <numerusform>%n suggestion waits on the Suggestions tab</numerusform>
            <numerusform>%n suggestions wait on the Suggestions tab</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>All rules</source>
        <translation>All rules</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Cannot edit the rule</source>
        <translation>Cannot edit the rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Cannot show the history</source>
        <translation>Cannot show the history</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Could not do that</source>
        <translation>Could not do that</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Could not save</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Created {name}. Ctrl+Z undoes it.</source>
        <translation>Created {name}. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Deleted {name}. Ctrl+Z brings it back.</source>
        <translation>Deleted {name}. Ctrl+Z brings it back.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disable</source>
        <translation>Disable</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disabled only</source>
        <translation>Disabled only</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disabled {name}. Ctrl+Z undoes it.</source>
        <translation>Disabled {name}. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Disabled {name}: a learned rule that is off is a suggestion again, and waits on the Suggestions tab. Ctrl+Z undoes it.</source>
        <translation>Disabled {name}: a learned rule that is off is a suggestion again, and waits on the Suggestions tab. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Discard</source>
        <translation>Discard</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Discard changes?</source>
        <translation>Discard changes?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Edit</source>
        <translation>Edit</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Enable</source>
        <translation>Enable</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Enabled only</source>
        <translation>Enabled only</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Enabled {name}. Ctrl+Z undoes it.</source>
        <translation>Enabled {name}. Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Every saved change makes a new version; the highest is the rule as it is now.</source>
        <translation>Every saved change makes a new version; the highest is the rule as it is now.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Filter rules…</source>
        <translation>Filter rules…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Finish or cancel the rule you are editing first.</source>
        <translation>Finish or cancel the rule you are editing first.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>History of rule {name}</source>
        <translation>History of rule {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Made by</source>
        <translation>Made by</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>New rule</source>
        <translation>New rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Nothing changed in {name}.</source>
        <translation>Nothing changed in {name}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Nothing to undo (Ctrl+Z)</source>
        <translation>Nothing to undo (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Plays</source>
        <translation>Plays</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Restore this version</source>
        <translation>Restore this version</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Restored {name} to how it was in version {version} (now version {new_version}).</source>
        <translation>Restored {name} to how it was in version {version} (now version {new_version}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Restoring makes a new version: nothing in the history is lost.</source>
        <translation>Restoring makes a new version: nothing in the history is lost.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Rules learned from purchases that nobody accepted yet are listed on the Suggestions tab only; once accepted, they are rules like yours and show here.</source>
        <translation>Rules learned from purchases that nobody accepted yet are listed on the Suggestions tab only; once accepted, they are rules like yours and show here.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Saved {name} (version {version}). Ctrl+Z undoes it.</source>
        <translation>Saved {name} (version {version}). Ctrl+Z undoes it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Show every rule, or only those the player uses, or only those it ignores</source>
        <translation>Show every rule, or only those the player uses, or only those it ignores</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Showing {name} as saved by someone else (version {version}). Make your change again.</source>
        <translation>Showing {name} as saved by someone else (version {version}). Make your change again.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Shows the rules whose name, audience, playlist, times or maker contain every word</source>
        <translation>Shows the rules whose name, audience, playlist, times or maker contain every word</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Someone else changed this rule</source>
        <translation>Someone else changed this rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The days, hours and dates the rule plays at.</source>
        <translation>The days, hours and dates the rule plays at.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The people in front of the screen the rule is for, as the camera estimates them.</source>
        <translation>The people in front of the screen the rule is for, as the camera estimates them.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The playlist the screen plays while this rule wins.</source>
        <translation>The playlist the screen plays while this rule wins.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The rule at that version</source>
        <translation>The rule at that version</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The rule's name. Hover a name for its note.</source>
        <translation>The rule's name. Hover a name for its note.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>The whole rule as it was after the change.</source>
        <translation>The whole rule as it was after the change.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>This is the rule as it is now.</source>
        <translation>This is the rule as it is now.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>This rule has changes that are not saved. Throw them away?</source>
        <translation>This rule has changes that are not saved. Throw them away?</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>This version is the deletion: choose an earlier one.</source>
        <translation>This version is the deletion: choose an earlier one.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Ticked, the player uses the rule; unticked, it is kept but ignored.</source>
        <translation>Ticked, the player uses the rule; unticked, it is kept but ignored.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Undo: {step} (Ctrl+Z)</source>
        <translation>Undo: {step} (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Undone: {step}.</source>
        <translation>Undone: {step}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>What</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>What the change did.</source>
        <translation>What the change did.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>When several rules fit the same people at the same time, the highest priority plays; equal priorities share the screen.</source>
        <translation>When several rules fit the same people at the same time, the highest priority plays; equal priorities share the screen.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>When the change was saved, in this computer's time.</source>
        <translation>When the change was saved, in this computer's time.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who it is for</source>
        <translation>Who it is for</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who made the rule: a marketer, or learning from purchases (a suggestion you accepted, perhaps edited).</source>
        <translation>Who made the rule: a marketer, or learning from purchases (a suggestion you accepted, perhaps edited).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>Who saved it: the editor's author, or the --author of a command.</source>
        <translation>Who saved it: the editor's author, or the --author of a command.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>created</source>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>creating {name}</source>
        <translation>creating {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>delete rule {name}</source>
        <translation>delete rule {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>deleted</source>
        <translation>deleted</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>deleting {name}</source>
        <translation>deleting {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>disable rule {name}</source>
        <translation>disable rule {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>disabled</source>
        <translation>disabled</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>disabling {name}</source>
        <translation>disabling {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>editing {name}</source>
        <translation>editing {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>enable rule {name}</source>
        <translation>enable rule {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>enabled</source>
        <translation>enabled</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>enabling {name}</source>
        <translation>enabling {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>imported</source>
        <translation>imported</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>open rule {name}</source>
        <translation>open rule {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>restore version {version} of {name}</source>
        <translation>restore version {version} of {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>restored</source>
        <translation>restored</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>restoring {name} to version {version}</source>
        <translation>restoring {name} to version {version}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>save rule {name}</source>
        <translation>save rule {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>show the history of {name}</source>
        <translation>show the history of {name}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>undo {step}</source>
        <translation>undo {step}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{name} is already as it was in version {version}.</source>
        <translation>{name} is already as it was in version {version}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{name} was deleted by someone else; Save creates it again with what is in the form.</source>
        <translation>{name} was deleted by someone else; Save creates it again with what is in the form.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{rule} Disabled.</source>
        <translation>{rule} Disabled.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/rules_tab.py"/>
        <source>{shown} of %n rules</source>
        <translation>
            <numerusform>{shown} of %n rule</numerusform>
            <numerusform>{shown} of %n rules</numerusform>
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
        <translation> s</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>(default playlist)</source>
        <translation>(default playlist)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>(nothing)</source>
        <translation>(nothing)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>A loop of %n items, {seconds} s.</source>
        <translation>
            <numerusform>A loop of %n item, {seconds} s.</numerusform>
            <numerusform>A loop of %n items, {seconds} s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>A picture, a video or a text slide.</source>
        <translation>A picture, a video or a text slide.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>A rule that did not put its playlist on screen.</source>
        <translation>A rule that did not put its playlist on screen.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Age group</source>
        <translation>Age group</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience</source>
        <translation>Audience</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience from</source>
        <translation>Audience from</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience: {audience}</source>
        <translation>Audience: {audience}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Audience: {audience}. The camera has no signal: only rules that use the time alone can match.</source>
        <translation>Audience: {audience}. The camera has no signal: only rules that use the time alone can match.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Cannot say what would play</source>
        <translation>Cannot say what would play</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Company</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>For example a parent with a teenager: age-restricted ads are then held back.</source>
        <translation>For example a parent with a teenager: age-restricted ads are then held back.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How long the item stays on screen each time.</source>
        <translation>How long the item stays on screen each time.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How long the longest-staying visitor has been in front of the screen, in seconds.</source>
        <translation>How long the longest-staying visitor has been in front of the screen, in seconds.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How many</source>
        <translation>How many</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>How many people are in front of the screen together (0: nobody).</source>
        <translation>How many people are in front of the screen together (0: nobody).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Minors guardrail: held back {items} because {reason}.</source>
        <translation>Minors guardrail: held back {items} because {reason}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Minors guardrail: not needed ({reason}).</source>
        <translation>Minors guardrail: not needed ({reason}).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Minors guardrail: on ({reason}); nothing age-restricted was in the playlist.</source>
        <translation>Minors guardrail: on ({reason}); nothing age-restricted was in the playlist.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Nothing to show.</source>
        <translation>Nothing to show.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Only matters when gender targeting is on, and it is off: rules ignore gender.</source>
        <translation>Only matters when gender targeting is on, and it is off: rules ignore gender.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Plays: nothing (the player's built-in slide)</source>
        <translation>Plays: nothing (the player's built-in slide)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Plays: {playlist}</source>
        <translation>Plays: {playlist}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rule: none, the default playlist plays</source>
        <translation>Rule: none, the default playlist plays</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rule: {rule} (priority {priority})</source>
        <translation>Rule: {rule} (priority {priority})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Rules may target a gender: gender targeting is on.</source>
        <translation>Rules may target a gender: gender targeting is on.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Saturday {time}</source>
        <translation>Saturday {time}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Seconds</source>
        <translation>Seconds</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Someone in the group may be under 18</source>
        <translation>Someone in the group may be under 18</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Staying for</source>
        <translation>Staying for</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The ad's name in the content library.</source>
        <translation>The ad's name in the content library.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The age group the camera estimates for most of the people in front of the screen.</source>
        <translation>The age group the camera estimates for most of the people in front of the screen.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The camera has no signal</source>
        <translation>The camera has no signal</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The day and time of the kiosk's clock; rules with hours and days look at it.</source>
        <translation>The day and time of the kiosk's clock; rules with hours and days look at it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The gender of most of them; rules use it only when gender targeting is on.</source>
        <translation>The gender of most of them; rules use it only when gender targeting is on.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The minors guardrail holds back age-restricted ads (alcohol, tobacco) whenever someone in front of the screen may be under 18.</source>
        <translation>The minors guardrail holds back age-restricted ads (alcohol, tobacco) whenever someone in front of the screen may be under 18.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The player then knows nothing about the audience: only the time counts.</source>
        <translation>The player then knows nothing about the audience: only the time counts.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The playlist that would play.</source>
        <translation>The playlist that would play.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The rule that would put it on screen; point at it to read why.</source>
        <translation>The rule that would put it on screen; point at it to read why.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The time of day the player decides at.</source>
        <translation>The time of day the player decides at.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>The whole day</source>
        <translation>The whole day</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>This audience cannot be: {problem}.</source>
        <translation>This audience cannot be: {problem}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Wearing</source>
        <translation>Wearing</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Weekday {time}</source>
        <translation>Weekday {time}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What it shows</source>
        <translation>What it shows</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What most of them wear, as the camera recognises it.</source>
        <translation>What most of them wear, as the camera recognises it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What this rule needed that was not there.</source>
        <translation>What this rule needed that was not there.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>What would play</source>
        <translation>What would play</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>When several rules fit, the one with the highest priority wins.</source>
        <translation>When several rules fit, the one with the highest priority wins.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Where that audience comes from: the audience samples the player logged at that hour, or your choice above.</source>
        <translation>Where that audience comes from: the audience samples the player logged at that hour, or your choice above.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Who is in front of the screen at that time.</source>
        <translation>Who is in front of the screen at that time.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Who is in front of the screen, and when</source>
        <translation>Who is in front of the screen, and when</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Who the visitors are with, as the camera sees the group.</source>
        <translation>Who the visitors are with, as the camera sees the group.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Why not</source>
        <translation>Why not</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Why the other rules did not win</source>
        <translation>Why the other rules did not win</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>Why: {reason}</source>
        <translation>Why: {reason}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>age not known</source>
        <translation>age not known</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>female</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>male</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>no camera signal</source>
        <translation>no camera signal</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>nobody</source>
        <translation>nobody</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>not known</source>
        <translation>not known</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>on their own if one, else not known</source>
        <translation>on their own if one, else not known</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>picture</source>
        <translation>picture</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>read the rules</source>
        <translation>read the rules</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>text slide</source>
        <translation>text slide</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>the log (%n samples)</source>
        <translation>
            <numerusform>the log (%n sample)</numerusform>
            <numerusform>the log (%n samples)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>your choice above</source>
        <translation>your choice above</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{day}, hour by hour. Each hour uses who the player logged most at that hour since {since} (how long they stay and their gender as picked above); hours with nothing logged use the audience picked above.</source>
        <translation>{day}, hour by hour. Each hour uses who the player logged most at that hour since {since} (how long they stay and their gender as picked above); hours with nothing logged use the audience picked above.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{day}, hour by hour. No audience is logged yet, so every hour uses the audience picked above.</source>
        <translation>{day}, hour by hour. No audience is logged yet, so every hour uses the audience picked above.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{people} ({who})</source>
        <translation>{people} ({who})</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/simulator_tab.py"/>
        <source>{people}, mostly {who}</source>
        <translation>{people}, mostly {who}</translation>
    </message>
</context>
<context>
    <name>editor.suggestions</name>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept edited…</source>
        <translation>Accept edited…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept with changes</source>
        <translation>Accept with changes</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accept with these changes</source>
        <translation>Accept with these changes</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accepted with your changes: {name} is on, and re-learning will leave it as you set it.</source>
        <translation>Accepted with your changes: {name} is on, and re-learning will leave it as you set it.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Accepted: {name} is on, plays when it matches, and is listed on the Rules tab.</source>
        <translation>Accepted: {name} is on, plays when it matches, and is listed on the Rules tab.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Apr</source>
        <translation>Apr</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>At least (95 % sure)</source>
        <translation>At least (95 % sure)</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Aug</source>
        <translation>Aug</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Baskets</source>
        <translation>Baskets</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Change priority, time of day or playlist, then turn it on.</source>
        <translation>Change priority, time of day or playlist, then turn it on.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Confidence: of this audience's baskets at this time, the share that hold the category.</source>
        <translation>Confidence: of this audience's baskets at this time, the share that hold the category.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Dec</source>
        <translation>Dec</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Delete the suggestion. Re-learning will not suggest it again.</source>
        <translation>Delete the suggestion. Re-learning will not suggest it again.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Every suggestion is snoozed. Tick “Show snoozed” to see them.</source>
        <translation>Every suggestion is snoozed. Tick “Show snoozed” to see them.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Feb</source>
        <translation>Feb</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Hide the suggestion for %n days, to decide later.</source>
        <translation>
            <numerusform>Hide the suggestion for %n day, to decide later.</numerusform>
            <numerusform>Hide the suggestion for %n days, to decide later.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Higher wins when several rules match at the same time.</source>
        <translation>Higher wins when several rules match at the same time.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>How many baskets of this audience at this time the purchase history holds: the more, the surer.</source>
        <translation>How many baskets of this audience at this time the purchase history holds: the more, the surer.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>How many of those baskets hold the category.</source>
        <translation>How many of those baskets hold the category.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Jan</source>
        <translation>Jan</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Jul</source>
        <translation>Jul</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Jun</source>
        <translation>Jun</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Learned from purchase history: who buys what more often, and when. Accepted, a suggestion becomes a rule on the Rules tab. Re-learning never changes rules you wrote or edited.</source>
        <translation>Learned from purchase history: who buys what more often, and when. Accepted, a suggestion becomes a rule on the Rules tab. Re-learning never changes rules you wrote or edited.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Lift, lower 95 % bound: with as few baskets as there are, the lift is at least this, 95 % sure. Above 1 means the difference is no accident of a small sample.</source>
        <translation>Lift, lower 95 % bound: with as few baskets as there are, the lift is at least this, 95 % sure. Above 1 means the difference is no accident of a small sample.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Lift: how many times as often this audience's baskets at this time hold the category as all baskets do. 1 is no difference; 2 is twice as often.</source>
        <translation>Lift: how many times as often this audience's baskets at this time hold the category as all baskets do. 1 is no difference; 2 is twice as often.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Mar</source>
        <translation>Mar</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>May</source>
        <translation>May</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>No suggestions yet. Import purchase history and run `signage rules learn`.</source>
        <translation>No suggestions yet. Import purchase history and run `signage rules learn`.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Nov</source>
        <translation>Nov</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Oct</source>
        <translation>Oct</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Of their baskets</source>
        <translation>Of their baskets</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Once you change a suggestion it is yours: re-learning will not change it again.</source>
        <translation>Once you change a suggestion it is yours: re-learning will not change it again.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Playlist</source>
        <translation>Playlist</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Plays</source>
        <translation>Plays</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Priority</source>
        <translation>Priority</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Reject this suggestion?

{sentence}

It is deleted, and re-learning will not suggest it again.</source>
        <translation>Reject this suggestion?

{sentence}

It is deleted, and re-learning will not suggest it again.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Rejected: {name} is deleted and will not be suggested again.</source>
        <translation>Rejected: {name} is deleted and will not be suggested again.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Reject…</source>
        <translation>Reject…</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Rule name</source>
        <translation>Rule name</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Sep</source>
        <translation>Sep</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Share of all baskets</source>
        <translation>Share of all baskets</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Show a snoozed suggestion again now.</source>
        <translation>Show a snoozed suggestion again now.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Show snoozed</source>
        <translation>Show snoozed</translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Snooze %n days</source>
        <translation>
            <numerusform>Snooze %n day</numerusform>
            <numerusform>Snooze %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Snoozed for %n days: {name} is back on {day}.</source>
        <translation>
            <numerusform>Snoozed for %n day: {name} is back on {day}.</numerusform>
            <numerusform>Snoozed for %n days: {name} is back on {day}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Suggestions</source>
        <translation>Suggestions</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Support: of all the baskets in the purchase history, the share that are this audience's at this time and hold the category. Small is normal; it says how much is at stake.</source>
        <translation>Support: of all the baskets in the purchase history, the share that are this audience's at this time and hold the category. Small is normal; it says how much is at stake.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The finding in a sentence, and why the suggestion plays the playlist it plays.</source>
        <translation>The finding in a sentence, and why the suggestion plays the playlist it plays.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The hours of the day the rule plays, comma-separated; empty is all day.</source>
        <translation>The hours of the day the rule plays, comma-separated; empty is all day.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The name the rule gets: who, when and the playlist.</source>
        <translation>The name the rule gets: who, when and the playlist.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The playlist the rule plays.</source>
        <translation>The playlist the rule plays.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>The playlist the rule would play: one with ads tagged for what these shoppers buy.</source>
        <translation>The playlist the rule would play: one with ads tagged for what these shoppers buy.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Time of day</source>
        <translation>Time of day</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Time of day: {problem}.</source>
        <translation>Time of day: {problem}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Times as often</source>
        <translation>Times as often</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Turn the rule on as it is: it moves to the Rules tab. Re-learning keeps it on.</source>
        <translation>Turn the rule on as it is: it moves to the Rules tab. Re-learning keeps it on.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Unsnooze</source>
        <translation>Unsnooze</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>Waiting for your decision, snoozed, or accepted (and whether you edited it).</source>
        <translation>Waiting for your decision, snoozed, or accepted (and whether you edited it).</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>What the data shows</source>
        <translation>What the data shows</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>With the category</source>
        <translation>With the category</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>accept the edited suggestion</source>
        <translation>accept the edited suggestion</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>accept the suggestion</source>
        <translation>accept the suggestion</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>any time of day, or e.g. 15:00-18:00, 20:00-22:00</source>
        <translation>any time of day, or e.g. 15:00-18:00, 20:00-22:00</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>reject the suggestion</source>
        <translation>reject the suggestion</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{name} is no longer snoozed.</source>
        <translation>{name} is no longer snoozed.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{sentence}
{numbers}
Rule {name}, priority {priority}</source>
        <translation>{sentence}
{numbers}
Rule {name}, priority {priority}</translation>
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
        <translation>{state}, snoozed: back on {day}</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/suggestions_tab.py"/>
        <source>{weekday} {day} {month} {year}</source>
        <translation>{weekday} {day} {month} {year}</translation>
    </message>
</context>
<context>
    <name>editor.window</name>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Editing as {author}. Changes are saved at once; the player picks them up.</source>
        <translation>Editing as {author}. Changes are saved at once; the player picks them up.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Not reloaded while you edit: {tabs}.</source>
        <translation>Not reloaded while you edit: {tabs}.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Reload</source>
        <translation>Reload</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Reloaded.</source>
        <translation>Reloaded.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>Updated with changes saved elsewhere.</source>
        <translation>Updated with changes saved elsewhere.</translation>
    </message>
    <message>
        <location filename="../../../signage/editor/window.py"/>
        <source>signage editor - {database}</source>
        <translation>signage editor - {database}</translation>
    </message>
</context>
</TS>
