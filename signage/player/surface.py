"""The screen surface of the kiosk player: one item at a time, and never a black frame.

The complaint heard most about signage players is a black flash between two ads. The
surface avoids it by construction: it paints every pixel itself from one `QImage` (the
last picture it had) and replaces that picture only when the next item's first picture
exists. Nothing ever clears the screen, not a new source, an error or a slow file.

* **Images** are decoded by `QImageReader` on one worker thread (a 1080p PNG takes about
  20 ms here, a camera JPEG far more: on the GUI thread that delays video frames), scaled
  down on decode to the screen when larger, and smooth-scaled once per widget size.
* **Text slides** are rendered on the GUI thread into an image of the widget's size (a
  few milliseconds).
* **Videos** alternate between two slots (a `QMediaPlayer` with a `QVideoSink`): the
  active one plays while the other prepares the next video and holds its first frame.
  Frames are converted with `QVideoFrame.toImage()` only when painted (about 3.5 ms for
  720p), so a backlog of frames costs one conversion, not one each.

Switching to a prepared item paints its first picture before `show_item` returns, and
`item_started` follows. `presented` records every new picture painted, for the
benchmark that measures gaps between items (`benchmarks/player_gap_bench.py`).

**Memory over weeks.** Cycling items allocates and frees large buffers on several
threads (decoded frames, 8 MB 1080p pictures); glibc keeps what is freed in its arenas,
so the resident size crept up with no memory in use growing. The surface hands free
heap memory back to the system at most every `_HEAP_TRIM_INTERVAL_S`, on the image
worker (see `_trim_heap_now_and_then`).
"""

from __future__ import annotations

import array
import collections
import ctypes
import logging
import os
import queue
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QImageReader,
    QPainter,
    QTransform,
)
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink
from PySide6.QtWidgets import QWidget

from content.model import ContentItem, ContentKind, TextSlide

log = logging.getLogger(__name__)

ROTATIONS_DEG = (0, 90, 180, 270)
PRESENTED_MAXLEN = 20_000  # about 13 minutes of 25 fps video: enough for a benchmark run, bounded for a kiosk
FALLBACK_BACKGROUND = "#101820"
FALLBACK_FOREGROUND = "#e8e8e8"
_WATCHDOG_INTERVAL_MS = 250  # how often a playing video is checked for a stall; a check is a few attribute reads
_FAILED_TOKENS_REMEMBERED = 256  # so a late signal about an old failed token is not reported twice
# Measured with benchmarks/player_bench.py's cycling playlist (about 4,600 item changes an
# hour): without trimming, glibc's heap held 117 -> 127 MB (and 150 -> 159 MB at the peak
# of a video) over 20 minutes while the memory in use stayed at 66 MB (96 MB with a
# video open), about +27 MB an hour of RSS; a trim every 30 s gave back 16.5 MB on
# average and took 1.3 ms (2.7 ms at most) on the worker thread.
_HEAP_TRIM_INTERVAL_S = 30.0


class PresentedLog:
    """(token, perf_counter_ns) of the last `capacity` pictures painted, oldest first; the
    token is None for the fallback slide. Indexing, `len` and iteration as a deque's.

    A ring of two int64 arrays allocated at full size up front, not a deque of tuples:
    nothing is allocated per painted frame, and the 20,000 entries take 320 kB for good.
    The deque took about 92 bytes a frame, 1.8 MB when full: at 22 pictures a second the
    memory benchmark saw that as +7 MB an hour for its first quarter hour.
    """

    _NO_TOKEN = -(2**63)  # the fallback slide (tokens pass through Qt signals as 32-bit ints)

    def __init__(self, capacity: int) -> None:
        if capacity <= 0:
            raise ValueError(f"capacity: expected a positive number of entries, got {capacity}")
        self._capacity = capacity
        self._tokens = array.array("q", bytes(8 * capacity))
        self._ns = array.array("q", bytes(8 * capacity))
        self._appended = 0

    def append(self, entry: tuple[int | None, int]) -> None:
        """Record one painted picture; the oldest is dropped when full."""
        token, ns = entry
        index = self._appended % self._capacity
        self._tokens[index] = self._NO_TOKEN if token is None else token
        self._ns[index] = ns
        self._appended += 1

    def __len__(self) -> int:
        return min(self._appended, self._capacity)

    def __getitem__(self, position: int) -> tuple[int | None, int]:
        length = len(self)
        if position < 0:
            position += length
        if not 0 <= position < length:
            raise IndexError("presented index out of range")
        index = (self._appended - length + position) % self._capacity
        token = self._tokens[index]
        return (None if token == self._NO_TOKEN else token, self._ns[index])

    def __iter__(self) -> Iterator[tuple[int | None, int]]:
        return (self[position] for position in range(len(self)))


@dataclass(eq=False)
class _Entry:
    """One item the surface was asked to prepare or show, from its request to its end."""

    token: int
    item: ContentItem
    picture: QImage | None = None  # the first picture, once it exists
    slot: _VideoSlot | None = None  # videos: the player that plays it
    requested_ns: int = 0  # when show_item asked for it (the watchdog times the wait from here)
    slide_size: QSize | None = None  # text slides: the size the picture was rendered at
    decoding: bool = False  # images: the worker is decoding it
    finished: bool = False  # a video reached its end
    failed: bool = False

    @property
    def is_video(self) -> bool:
        return self.item.kind is ContentKind.VIDEO

    @property
    def where(self) -> str:
        """The file (or the slide's name) that failure messages name."""
        return self.item.path or f"text slide {self.item.name!r}"


class _VideoSlot(QObject):
    """One media player and its sink, reused for every video it plays (never recreated, so
    cycling items for days allocates nothing new)."""

    def __init__(self, surface: MediaSurface, index: int, sound: bool) -> None:
        super().__init__(surface)
        self.surface = surface
        self.index = index
        self.player = QMediaPlayer(self)
        self.sink = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        # Without an audio output the backend does not decode audio at all; with sound off
        # that is cheaper than a muted output.
        self.audio = QAudioOutput(self) if sound else None
        if self.audio is not None:
            self.player.setAudioOutput(self.audio)
        self.entry: _Entry | None = None
        self.last_frame_ns = 0
        # The sink emits from the decoder's thread; as a slot of this QObject (which lives
        # in the GUI thread) the frame arrives through the event queue on the GUI thread.
        self.sink.videoFrameChanged.connect(self._on_frame)
        self.player.mediaStatusChanged.connect(self._on_status)
        self.player.errorOccurred.connect(self._on_error)

    def load(self, entry: _Entry, *, play: bool) -> None:
        """Open `entry`'s file; play it, or hold its first frame paused at the start."""
        self.entry = entry
        entry.slot = self
        self.last_frame_ns = time.perf_counter_ns()
        self.player.setSource(QUrl.fromLocalFile(entry.item.path))
        if entry.failed or self.entry is not entry:
            return  # the backend failed while opening the file (a signal can arrive inside setSource)
        # pause() from the stopped state makes the FFmpeg backend decode and deliver frame 0
        # (measured: about 10 ms after setSource) without starting the clock; a later play()
        # delivers frame 1 one frame period afterwards. The brief suggested play(), then
        # pause() and setPosition(0) on the first frame: that gave the same frame 0 but an
        # extra seek, and with sound on the start of the next clip's audio could be heard
        # over the current one. A backend that does not preroll on pause() still works:
        # show_item calls play() and the first frame is presented when it comes.
        if play:
            self.player.play()
        else:
            self.player.pause()

    def release(self) -> None:
        """Stop playing and forget the entry (the source stays open until the next load)."""
        if self.entry is not None and self.entry.slot is self:
            self.entry.slot = None
        self.entry = None
        self.player.stop()

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        # A frame queued before the source changed (or superseded by a newer one) is no
        # longer the sink's current frame: setSource() resets that to an invalid frame. So
        # this skips frames of a previous video and a backlog, and the invalid frames the
        # backend sends on stop and on a new source (painting those is how black flashes
        # happen in other players).
        if not frame.isValid() or frame != self.sink.videoFrame():
            return
        self.last_frame_ns = time.perf_counter_ns()
        if self.entry is not None:
            self.surface._on_video_frame(self.entry, frame)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self.entry is None:
            return
        if status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.surface._on_video_end(self.entry)
        elif status == QMediaPlayer.MediaStatus.InvalidMedia:
            reason = self.player.errorString() or "invalid media"
            self.surface._fail(self.entry, f"cannot play the video ({reason})")

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, message: str) -> None:
        if self.entry is not None and error != QMediaPlayer.Error.NoError:
            self.surface._fail(self.entry, f"cannot play the video ({error.name}: {message or 'no details'})")


class MediaSurface(QWidget):
    """Shows images, text slides and videos; prepares the next item ahead; never blanks.

    Tokens are the caller's numbers for requests: every signal names the token of the
    request it is about, so a late signal about an item that was replaced can be ignored.
    Signals about a request may come before `prepare` or `show_item` returns (a missing
    file is known at once); each token gets `item_started` or `item_failed` at most once.
    """

    item_started = Signal(int)  # token: the item's first picture was put on screen
    video_finished = Signal(int)  # token: a video reached its end; images and slides never end by themselves
    item_failed = Signal(int, str)  # token, one line naming the file and why it cannot be shown

    # The image worker's result, emitted on the worker thread and delivered queued to the GUI thread.
    # No arguments on purpose: the decoded images wait in `_decoded`. Passing Python
    # objects through a queued signal emitted on a plain Python thread crashed PySide6
    # ("Fatal Python error: none_dealloc", a refcount error) within seconds of cycling.
    _image_decoded = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        rotation_deg: int = 0,
        sound: bool = False,
        stall_timeout_s: float = 3.0,
        background: str = "#000000",
    ) -> None:
        """`rotation_deg` turns the picture clockwise for displays mounted in portrait;
        `stall_timeout_s` is how long a playing video may go without a new frame (and a
        shown item without its first picture) before it fails; `background` fills the
        letterbox bars (#rrggbb)."""
        super().__init__(parent)
        self._background = QColor(background)
        if not self._background.isValid():
            raise ValueError(f"background: expected a colour such as #000000, got {background!r}")
        if stall_timeout_s <= 0:
            raise ValueError(f"stall_timeout_s: expected a positive number of seconds, got {stall_timeout_s}")
        self._rotation_deg = 0
        self.rotation_deg = rotation_deg
        self.stall_timeout_s = float(stall_timeout_s)
        # Every pixel is painted in paintEvent, so Qt must not erase the widget first: an
        # erase is a frame of background colour between two pictures.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAutoFillBackground(False)

        # (token, perf_counter_ns) for every new picture painted (None: the fallback slide).
        # A hidden surface paints nothing and records nothing; its signals still come.
        self.presented = PresentedLog(PRESENTED_MAXLEN)
        self.frames_painted = 0  # new pictures painted since the start (the overlay's frame rate)
        self.current_token: int | None = None  # the item whose picture is on screen; None: nothing or the fallback

        self._picture: QImage | None = None  # what is on screen; replaced, never cleared
        self._picture_token: int | None = None
        self._picture_is_video = False  # video frames scale fast, stills smooth
        self._pending_frame: QVideoFrame | None = None  # the newest video frame, converted when painted
        self._serial = 0  # bumped for every new picture; paintEvent records a serial once
        self._painted_serial = 0
        self._scaled_still: tuple[tuple[int, int, int], QImage] | None = None  # (cacheKey, w, h) -> scaled

        self._active: _Entry | None = None  # on screen
        self._incoming: _Entry | None = None  # asked for by show_item, first picture not ready yet
        self._prepared: _Entry | None = None  # asked for by prepare, not shown yet
        self._failed_tokens: collections.deque[int] = collections.deque(maxlen=_FAILED_TOKENS_REMEMBERED)
        self._closed = False

        self._slots = (_VideoSlot(self, 0, sound), _VideoSlot(self, 1, sound))
        self._watchdog = QTimer(self)
        self._watchdog.setInterval(_WATCHDOG_INTERVAL_MS)
        self._watchdog.timeout.connect(self._check_stalls)
        # One thread: decodes are short, and ordering them keeps memory at two images at most.
        self._decoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="surface-image")
        self._decoded: queue.SimpleQueue[tuple[_Entry, QImage, str]] = queue.SimpleQueue()
        self._image_decoded.connect(self._take_decoded)
        self._heap_trimmed_ns = time.perf_counter_ns()

    # ---- public API ---------------------------------------------------------------------

    @property
    def rotation_deg(self) -> int:
        """Clockwise rotation of the picture: 0, 90, 180 or 270 (90 and 270 for portrait)."""
        return self._rotation_deg

    @rotation_deg.setter
    def rotation_deg(self, value: int) -> None:
        if value not in ROTATIONS_DEG:
            raise ValueError(f"rotation_deg: expected 0, 90, 180 or 270, got {value!r}")
        self._rotation_deg = int(value)
        self._scaled_still = None
        self.update()

    def prepare(self, token: int, item: ContentItem) -> None:
        """Load the item that comes next: decode the image, render the slide, or open the
        video and hold its first frame paused at the start.

        Calling it again with the same token does nothing; a new token discards the item
        prepared before (unless it is being shown).
        """
        if self._closed or token in self._failed_tokens:
            return
        if any(e is not None and e.token == token for e in (self._prepared, self._incoming, self._active)):
            return
        self._discard(self._prepared)
        entry = _Entry(token, item)
        self._prepared = entry
        log.debug("preparing %s (token %d)", item.name, token)
        self._load(entry, play=False)

    def is_ready(self, token: int) -> bool:
        """Whether `token` is prepared and its first picture exists, so that
        `show_item(token, ...)` paints it before returning."""
        entry = self._prepared
        return entry is not None and entry.token == token and entry.picture is not None and not entry.failed

    def show_item(self, token: int, item: ContentItem) -> None:
        """Switch to the item now.

        A prepared, ready item's first picture is painted before this returns. Otherwise
        the item is loaded now and the previous picture stays until its first picture
        exists (a playing video keeps playing until then). A token that already failed
        shows nothing new: its `item_failed` was emitted when the failure was found.
        """
        if self._closed or token in self._failed_tokens:
            return
        if any(e is not None and e.token == token for e in (self._incoming, self._active)):
            return
        self._discard(self._incoming)
        self._incoming = None
        if self._prepared is not None and self._prepared.token == token:
            entry, self._prepared = self._prepared, None
        else:
            entry = _Entry(token, item)
        entry.requested_ns = time.perf_counter_ns()
        self._incoming = entry
        if entry.item.kind is ContentKind.TEXT and entry.slide_size != self._content_size_px():
            entry.picture = None  # rendered at another size (before the window went full screen)
        if entry.picture is not None:
            self._switch_to(entry)
            return
        if entry.is_video and entry.slot is not None:
            entry.slot.player.play()  # prepared, but its first frame is not here yet
        elif not entry.decoding:  # (a prepared image being decoded arrives by itself)
            self._load(entry, play=True)
        self._update_watchdog()

    def show_fallback(self, title: str, body: str = "") -> None:
        """Show a built-in slide (text on a dark background) when nothing can be played.

        It emits nothing; a prepared item stays prepared.
        """
        if self._closed:
            return
        self._discard(self._incoming)
        self._incoming = None
        self._end_active()
        slide = TextSlide(body=body, background=FALLBACK_BACKGROUND, foreground=FALLBACK_FOREGROUND)
        self.current_token = None
        self._present(None, self._render_slide(title, slide, self._content_size_px()), is_video=False)
        self._update_watchdog()

    def shutdown(self) -> None:
        """Stop and release both media players, the watchdog timer and the image worker."""
        if self._closed:
            return
        self._closed = True
        self._watchdog.stop()
        for slot in self._slots:
            slot.release()
            slot.player.setSource(QUrl())  # closes the file and the decoder
        self._active = self._incoming = self._prepared = None
        self._pending_frame = None
        self._decoder.shutdown(wait=True, cancel_futures=True)
        log.info("media surface shut down")

    # ---- loading ------------------------------------------------------------------------

    def _load(self, entry: _Entry, *, play: bool) -> None:
        """Start producing `entry`'s first picture (it arrives in `entry.picture`)."""
        kind = entry.item.kind
        if kind is ContentKind.TEXT:
            size = self._content_size_px()
            entry.picture = self._render_slide(entry.item.title, entry.item.text or TextSlide(), size)
            entry.slide_size = size
            if entry is self._incoming:
                self._switch_to(entry)
            return
        problem = _file_problem(entry.item.path)
        if problem is not None:
            self._fail(entry, problem)
            return
        if kind is ContentKind.IMAGE:
            entry.decoding = True
            self._decoder.submit(self._decode_in_worker, entry, entry.item.path, self._decode_limit_px())
            return
        slot = self._free_slot(for_show=play)
        if slot is None:
            return  # both players are busy (playing and about to play): loaded when one frees
        slot.load(entry, play=play)

    def _decode_in_worker(self, entry: _Entry, path: str, limit_px: int) -> None:
        """Runs on the worker thread: decode, then hand the image to the GUI thread."""
        image, error = _decode_image(path, limit_px)
        if not self._closed:
            self._decoded.put((entry, image, error))
            self._image_decoded.emit()

    @Slot()
    def _take_decoded(self) -> None:
        """On the GUI thread: hand every decoded image to `_on_image_decoded`, in order."""
        while True:
            try:
                entry, image, error = self._decoded.get_nowait()
            except queue.Empty:
                return
            self._on_image_decoded(entry, image, error)

    def _on_image_decoded(self, entry: _Entry, image: QImage, error: str) -> None:
        entry.decoding = False
        if self._closed or entry.failed:
            return
        if image.isNull():
            self._fail(entry, f"cannot read the image ({error or 'unknown error'})")
            return
        entry.picture = image
        if entry is self._incoming:
            self._switch_to(entry)

    def _free_slot(self, *, for_show: bool) -> _VideoSlot | None:
        """A player that is neither on screen nor about to be; a show may take the prepared one's."""
        busy = {id(e.slot) for e in (self._active, self._incoming, self._prepared) if e is not None and e.slot}
        # Prefer the slot that did not play last, so the outgoing video's last frames are never disturbed.
        for slot in sorted(self._slots, key=lambda s: self._active is not None and self._active.slot is s):
            if id(slot) not in busy:
                return slot
        if for_show and self._prepared is not None and self._prepared.slot is not None:
            prepared = self._prepared
            slot = prepared.slot
            slot.release()
            prepared.picture = None  # loaded again when a player frees
            return slot
        return None

    # ---- switching ----------------------------------------------------------------------

    def _switch_to(self, entry: _Entry) -> None:
        """Put `entry`'s first picture on screen now, then start it."""
        previous = self._active
        self._active, self._incoming = entry, None
        if previous is not None and previous.slot is not None and previous.slot is not entry.slot:
            previous.slot.release()
        self.current_token = entry.token
        self._present(entry.token, entry.picture, is_video=entry.is_video)
        if entry.slot is not None:
            entry.slot.last_frame_ns = time.perf_counter_ns()
            entry.slot.player.play()
        log.debug("showing %s (token %d)", entry.item.name, entry.token)
        self._load_waiting_prepared()
        self._update_watchdog()
        self._trim_heap_now_and_then()
        self.item_started.emit(entry.token)

    def _present(self, token: int | None, picture: QImage, *, is_video: bool) -> None:
        """Make `picture` the one on screen and paint it before returning (when visible)."""
        self._pending_frame = None
        self._picture = picture
        self._picture_token = token
        self._picture_is_video = is_video
        self._serial += 1
        # repaint(), not update(): the switch must be on screen in this event-loop turn, not
        # after whatever else is queued (a video frame backlog, a decode result).
        self.repaint()

    def _end_active(self) -> None:
        """Stop the active item's player; its last picture stays on screen."""
        if self._active is not None and self._active.slot is not None:
            self._active.slot.release()
        self._active = None

    def _discard(self, entry: _Entry | None) -> None:
        """Forget a prepared or incoming entry; its player, if it has one, is stopped."""
        if entry is None or entry is self._active:
            return
        if entry.slot is not None:
            entry.slot.release()
        if entry is self._prepared:
            self._prepared = None

    def _load_waiting_prepared(self) -> None:
        """A prepared video that found both players busy gets the one just freed."""
        prepared = self._prepared
        if prepared is not None and prepared.is_video and prepared.slot is None and not prepared.failed:
            slot = self._free_slot(for_show=False)
            if slot is not None:
                slot.load(prepared, play=False)

    def _trim_heap_now_and_then(self) -> None:
        """After a switch (the outgoing item's buffers are free by now), at most every
        `_HEAP_TRIM_INTERVAL_S`: give free heap memory back to the system. On the image
        worker, so the GUI thread never waits for it (ctypes releases the GIL)."""
        if _MALLOC_TRIM is None or self._closed:
            return
        now_ns = time.perf_counter_ns()
        if now_ns - self._heap_trimmed_ns < _HEAP_TRIM_INTERVAL_S * 1e9:
            return
        self._heap_trimmed_ns = now_ns
        self._decoder.submit(_MALLOC_TRIM, 0)

    # ---- video events (from the slots) --------------------------------------------------

    def _on_video_frame(self, entry: _Entry, frame: QVideoFrame) -> None:
        if self._closed or entry.failed:
            return
        if entry.picture is None:
            # The first frame: converted now, so showing the item later costs nothing.
            image = frame.toImage()
            if image.isNull():
                return
            entry.picture = image
            if entry is self._incoming:
                self._switch_to(entry)
            return
        if entry is self._active:
            self._pending_frame = frame
            self._picture_token = entry.token
            self._picture_is_video = True
            self.update()  # coalesced: a backlog of frames is painted (and converted) once

    def _on_video_end(self, entry: _Entry) -> None:
        if entry.failed or entry.finished:
            return
        if entry.picture is None:
            self._fail(entry, "the video ended before its first frame")
            return
        if entry is not self._active:
            return
        entry.finished = True
        self._update_watchdog()
        log.debug("video %s ended (token %d)", entry.item.name, entry.token)
        self.video_finished.emit(entry.token)

    def _fail(self, entry: _Entry, reason: str) -> None:
        """Report `entry` as failed once; the last good picture stays on screen."""
        if entry.failed or self._closed:
            return
        entry.failed = True
        self._failed_tokens.append(entry.token)
        if entry.slot is not None:
            entry.slot.release()
        if entry is self._prepared:
            self._prepared = None
        if entry is self._incoming:
            self._incoming = None
        if entry is self._active:
            self._active = None
        self._load_waiting_prepared()
        self._update_watchdog()
        message = " ".join(f"{entry.where}: {reason}".split())
        log.warning("item %s failed (token %d): %s", entry.item.name, entry.token, message)
        self.item_failed.emit(entry.token, message)

    # ---- the watchdog -------------------------------------------------------------------

    def _update_watchdog(self) -> None:
        """Run the stall check only while something can stall: a playing video or a wait."""
        needed = not self._closed and (
            self._incoming is not None
            or (self._active is not None and self._active.slot is not None and not self._active.finished)
        )
        if needed and not self._watchdog.isActive():
            self._watchdog.start()
        elif not needed and self._watchdog.isActive():
            self._watchdog.stop()

    @Slot()
    def _check_stalls(self) -> None:
        now_ns = time.perf_counter_ns()
        limit_ns = int(self.stall_timeout_s * 1e9)
        incoming = self._incoming
        if incoming is not None and incoming.picture is None and now_ns - incoming.requested_ns > limit_ns:
            self._fail(incoming, f"no picture after {self.stall_timeout_s:g} s")
        active = self._active
        if (
            active is not None
            and active.slot is not None
            and not active.finished
            and now_ns - active.slot.last_frame_ns > limit_ns
        ):
            self._fail(active, f"stalled for {self.stall_timeout_s:g} s (no new video frame)")
        self._update_watchdog()

    # ---- painting -----------------------------------------------------------------------

    def paintEvent(self, event) -> None:
        """Paint the current picture fitted and rotated, letterboxed with the background."""
        if self._pending_frame is not None:
            frame, self._pending_frame = self._pending_frame, None
            image = frame.toImage()
            if not image.isNull():  # a frame that does not convert leaves the last picture up
                self._picture = image
                self._serial += 1
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._background)
        if self._picture is not None and not self._picture.isNull():
            self._draw_picture(painter, self._picture)
        painter.end()
        if self._serial != self._painted_serial:
            self._painted_serial = self._serial
            self.frames_painted += 1
            self.presented.append((self._picture_token, time.perf_counter_ns()))

    def resizeEvent(self, event) -> None:
        """Render an active text slide again at the new size (the same picture, not a new one)."""
        super().resizeEvent(event)
        self._scaled_still = None
        active = self._active
        if active is not None and active.item.kind is ContentKind.TEXT and self._picture_token == active.token:
            size = self._content_size_px()
            active.picture = self._render_slide(active.item.title, active.item.text or TextSlide(), size)
            active.slide_size = size
            self._picture = active.picture

    def _draw_picture(self, painter: QPainter, picture: QImage) -> None:
        """Draw `picture` into the rotated content frame, centred, aspect ratio kept."""
        width, height = self.width(), self.height()
        turned = self._rotation_deg in (90, 270)
        content_w, content_h = (height, width) if turned else (width, height)
        fitted = picture.size().scaled(content_w, content_h, Qt.AspectRatioMode.KeepAspectRatio)
        if fitted.isEmpty():
            return
        # Integer placement: a half-pixel offset would send even a 1:1 still through the
        # transformed (interpolating) drawing path.
        target = QRect((content_w - fitted.width()) // 2, (content_h - fitted.height()) // 2, fitted.width(), fitted.height())
        painter.setTransform(_content_transform(self._rotation_deg, width, height))
        if self._picture_is_video:
            # Fast (nearest) scaling: 1280x720 to 1920x1080 costs about 1.4 ms here, smooth
            # about 2.6 ms, and motion hides the difference.
            painter.drawImage(target, picture)
            return
        ratio = self.devicePixelRatioF()
        device_size = QSize(round(fitted.width() * ratio), round(fitted.height() * ratio))
        if picture.size() == device_size:
            painter.drawImage(target, picture)
            return
        key = (picture.cacheKey(), device_size.width(), device_size.height())
        if self._scaled_still is None or self._scaled_still[0] != key:
            scaled = picture.scaled(device_size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
            scaled.setDevicePixelRatio(ratio)
            self._scaled_still = (key, scaled)  # one cached still: the memory of one screen
        painter.drawImage(target, self._scaled_still[1])

    def _content_size_px(self) -> QSize:
        """The picture area in device pixels, in the picture's own (unrotated) orientation."""
        ratio = self.devicePixelRatioF()
        width, height = round(self.width() * ratio), round(self.height() * ratio)
        return QSize(height, width) if self._rotation_deg in (90, 270) else QSize(width, height)

    def _decode_limit_px(self) -> int:
        """Images larger than the screen are scaled down while decoding (a 12-megapixel
        photo would otherwise hold 48 MB for a picture shown at 2 megapixels)."""
        screen = self.screen()
        size = screen.size() * screen.devicePixelRatio() if screen is not None else QSize(3840, 2160)
        return max(size.width(), size.height(), self.width(), self.height())

    def _render_slide(self, title: str, slide: TextSlide, size: QSize) -> QImage:
        """A text slide as an image of `size` device pixels: the title large, the body wrapped."""
        image = QImage(size.expandedTo(QSize(1, 1)), QImage.Format.Format_RGB32)
        background = QColor(slide.background)
        foreground = QColor(slide.foreground)
        image.fill(background if background.isValid() else QColor(TextSlide.background))
        if not foreground.isValid():
            foreground = QColor(TextSlide.foreground)
        width, height = image.width(), image.height()
        margin = round(min(width, height) * 0.08)
        area = QRect(margin, margin, max(1, width - 2 * margin), max(1, height - 2 * margin))
        # Sizes follow the short side, so a portrait screen gets the same readable text;
        # shrunk step by step until title and body fit the area.
        title_px = max(8, round(min(width, height) * 0.11))
        body_px = max(6, round(min(width, height) * 0.055))
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        title_font, body_font = QFont(), QFont()
        title_font.setBold(True)
        for _ in range(12):
            title_font.setPixelSize(title_px)
            body_font.setPixelSize(body_px)
            title_h = QFontMetrics(title_font).boundingRect(area, flags, title).height() if title else 0
            body_h = QFontMetrics(body_font).boundingRect(area, flags, slide.body).height() if slide.body else 0
            gap = round(body_px * 0.8) if title and slide.body else 0
            if title_h + gap + body_h <= area.height():
                break
            title_px, body_px = max(8, round(title_px * 0.85)), max(6, round(body_px * 0.85))
        top = area.top() + max(0, (area.height() - title_h - gap - body_h) // 2)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.setPen(foreground)
        if title:
            painter.setFont(title_font)
            painter.drawText(QRect(area.left(), top, area.width(), title_h), flags, title)
        if slide.body:
            painter.setFont(body_font)
            painter.drawText(QRect(area.left(), top + title_h + gap, area.width(), body_h), flags, slide.body)
        painter.end()
        return image


def _content_transform(rotation_deg: int, width: int, height: int) -> QTransform:
    """Maps the picture's frame (width and height swapped for 90/270) onto the widget,
    turned clockwise by `rotation_deg`."""
    transform = QTransform()
    if rotation_deg == 90:
        transform.translate(width, 0)
    elif rotation_deg == 180:
        transform.translate(width, height)
    elif rotation_deg == 270:
        transform.translate(0, height)
    transform.rotate(rotation_deg)
    return transform


def _glibc_malloc_trim() -> Callable[[int], int] | None:
    """glibc's `malloc_trim(pad)`, or None where the C library is not glibc (musl, macOS,
    Windows), which has nothing to call and nothing measured."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return trim


_MALLOC_TRIM = _glibc_malloc_trim()


def _file_problem(path: str | None) -> str | None:
    """Why `path` cannot be opened at all, or None. Checked up front because the media
    backend reports a missing file only as 'Could not open file'."""
    if not path:
        return "the item has no media file"
    if not os.path.exists(path):
        return "file not found"
    if not os.path.isfile(path):
        return "not a file"
    if not os.access(path, os.R_OK):
        return "file not readable (permission denied)"
    return None


def _decode_image(path: str, limit_px: int) -> tuple[QImage, str]:
    """Decode `path` (on the worker thread: QImage is safe off the GUI thread and
    QImageReader releases the GIL while it reads); returns the image or a null image and
    the reader's error."""
    reader = QImageReader(path)
    reader.setAutoTransform(True)  # phone photos are stored sideways with an EXIF orientation
    size = reader.size()
    if size.isValid() and (size.width() > limit_px or size.height() > limit_px):
        # JPEG decodes straight at the smaller size; other formats are scaled after decoding.
        reader.setScaledSize(size.scaled(limit_px, limit_px, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QImage(), reader.errorString()
    wanted = QImage.Format.Format_ARGB32_Premultiplied if image.hasAlphaChannel() else QImage.Format.Format_RGB32
    # The raster painter draws these two formats without a conversion per paint.
    return image.convertToFormat(wanted), ""
