// The fleet and kiosk pages: what a little script adds (both pages work without it).
"use strict";
(function () {
  // The group and state filters show their choice at once (the Show button does the same
  // without JS); the search box waits for Enter or Show, so typing does not reload the page.
  Array.prototype.forEach.call(document.querySelectorAll("select[data-autosubmit]"), function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // A kiosk page with an open command looks again every 10 s, until the kiosk has answered;
  // not while the person is in a form, so nothing they do is lost.
  var commands = document.querySelector("#commands[data-pending]");
  if (commands) {
    window.setTimeout(function again() {
      var active = document.activeElement;
      if (active && /^(INPUT|SELECT|TEXTAREA)$/.test(active.tagName)) {
        window.setTimeout(again, 10000);
        return;
      }
      window.location.reload();
    }, 10000);
  }
})();
