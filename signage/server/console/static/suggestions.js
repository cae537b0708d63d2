// Suggestions: a form that takes a while (learning) says so and cannot be sent twice.
// Without this script every form works the same.
(function () {
  "use strict";
  for (const form of document.querySelectorAll("form[data-busy]")) {
    form.addEventListener("submit", function () {
      const button = form.querySelector("button[type=submit]");
      const status = form.querySelector(".busy");
      // Disabled after this event's default action has started, so the button's own value is still sent.
      window.setTimeout(function () { if (button) button.disabled = true; }, 0);
      if (status) status.textContent = form.dataset.busy;
    });
  }
})();
