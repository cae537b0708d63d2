// The content pages: drag and drop uploads, the size checked before sending, the server's answer as a sentence.
// Without this script the plain file form posts the same upload.
"use strict";
(function () {
  var select = document.querySelector("select[data-autosubmit]");
  if (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  }
  var form = document.getElementById("upload-form");
  if (!form) { return; }
  var tr = window.signageTr;  // the page's language (static/i18n.js)
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("upload-file");
  var problem = document.getElementById("upload-problem");
  var status = document.getElementById("upload-status");
  var progress = document.getElementById("upload-progress");
  var button = document.getElementById("upload-send");
  var csrf = form.querySelector("input[name=csrf]").value;

  function sizeText(bytes) {
    var units = [["GB", 1e9], ["MB", 1e6], ["KB", 1e3]];
    for (var i = 0; i < units.length; i++) {
      if (bytes >= units[i][1]) { return (bytes / units[i][1]).toFixed(1) + " " + units[i][0]; }
    }
    return tr("console.content", "{count} bytes", {count: bytes});
  }

  function say(text) {
    problem.textContent = text;
    if (text) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
  }

  function busy(on, text) {
    button.disabled = on;
    progress.hidden = !on;
    status.textContent = text || "";
  }

  function send(file) {
    say("");
    if (!file) { say(tr("console.content", "Choose an image or video file to upload.")); return; }
    var maxBytes = Number(form.dataset.maxBytes);  // the server's limit, as the page was made with it
    var maxText = form.dataset.maxText;
    if (file.size > maxBytes) {
      // The server refuses it too (413); checking here spares sending gigabytes for nothing.
      say(tr("console.content", "{file} is {size}, more than the largest upload the server takes ({limit}); make it smaller and try again.",
             {file: file.name, size: sizeText(file.size), limit: maxText}));
      return;
    }
    var body = new FormData();
    body.append("csrf", csrf);
    body.append("file", file, file.name);
    var request = new XMLHttpRequest();  // XHR, not fetch: it reports upload progress
    request.open("POST", form.action);
    request.setRequestHeader("Accept", "application/json");
    request.setRequestHeader("X-CSRF-Token", csrf);
    request.upload.onprogress = function (event) {
      if (event.lengthComputable) { progress.value = Math.round(100 * event.loaded / event.total); }
    };
    request.onload = function () {
      var answer = null;
      try { answer = JSON.parse(request.responseText); } catch (error) { answer = null; }
      if (request.status === 200 && answer && answer.next) {
        busy(true, tr("console.content", "Stored; opening its details…"));
        window.location.assign(answer.next);
        return;
      }
      busy(false);
      var maxText = form.dataset.maxText;
      if (request.status === 413) {
        say(tr("console.content", "{file} is larger than the largest upload the server takes ({limit}); nothing was stored.",
               {file: file.name, limit: maxText}));
      } else if (answer && answer.error && answer.error.reason) {
        say(answer.error.reason);
      } else if (request.status === 401 || request.status === 303) {
        say(tr("console.content", "Your session has expired; sign in again in another tab, then drop the file again."));
      } else {
        say(tr("console.content", "The upload of {file} failed (the server answered {status}); try again.",
               {file: file.name, status: request.status}));
      }
    };
    request.onerror = function () {
      busy(false);
      say(tr("console.content", "The upload of {file} was cut off (the network or the server went away); try again.",
             {file: file.name}));
    };
    busy(true, tr("console.content", "Sending {file}…", {file: file.name}));
    request.send(body);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    send(input.files && input.files[0]);
  });

  zone.hidden = false;
  zone.tabIndex = 0;
  zone.setAttribute("role", "button");
  zone.setAttribute("aria-label", tr("console.content", "Drop an image or video here, or press Enter to choose one"));
  zone.addEventListener("click", function () { input.click(); });
  zone.addEventListener("keydown", function (event) {
    if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); }
  });
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) { event.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    var files = event.dataTransfer && event.dataTransfer.files;
    if (!files || files.length === 0) { say(tr("console.content", "Drop a file (an image or a video), not a link or text.")); return; }
    if (files.length > 1) { say(tr("console.content", "Drop one file at a time.")); return; }
    send(files[0]);
  });
})();
