// The release editor's live validation: the draft goes to /console/groups/G/validate as
// the person types (debounced), and every problem comes back with the field it belongs to.
// Save stays disabled until there are none. Without this script the server checks on
// Save and shows the same problems in the same places.
(function () {
  "use strict";
  var form = document.getElementById("editor");
  if (!form) { return; }
  var tr = window.signageTr;  // the page's language (static/i18n.js)
  var formPart = document.getElementById("form-part");
  var yamlBox = document.getElementById("document_yaml");
  var save = document.getElementById("save");
  var status = document.getElementById("live-status");
  var top = document.getElementById("top-problems");
  var yamlNote = document.getElementById("yaml-in-use");
  var timer = null;
  var sequence = 0;

  function source() {
    var chosen = form.querySelector("input[name=source]:checked");
    return chosen ? chosen.value : "form";
  }

  function setSource(value) {
    var radio = form.querySelector("input[name=source][value=" + value + "]");
    if (radio) { radio.checked = true; }
    // Only one side is the draft: while the YAML is edited the form is greyed out (and not sent).
    formPart.disabled = value === "yaml";
    yamlNote.hidden = value !== "yaml";
  }

  function clearProblems() {
    form.querySelectorAll("[data-problems-for]").forEach(function (list) {
      list.textContent = "";
      list.hidden = true;
    });
    form.querySelectorAll("[aria-invalid=true]").forEach(function (element) {
      element.removeAttribute("aria-invalid");
    });
    top.querySelector("ul").textContent = "";
    top.hidden = true;
    var checked = document.getElementById("checked");
    if (checked) { checked.hidden = true; }
  }

  function show(problems, side) {
    clearProblems();
    problems.forEach(function (problem) {
      var id = problem.field || (side === "yaml" ? "document_yaml" : null);
      var item = document.createElement("li");
      var list = id ? document.getElementById("problem-" + id) : null;
      if (list) {
        var atYaml = id === "document_yaml";  // lines and paths mean something only beside the YAML itself
        var where = atYaml && problem.where !== tr("console.editor", "the document") ? problem.where + ": " : "";
        item.textContent = (atYaml && problem.line ? tr("console.editor", "line {line}:", {line: problem.line}) + " " : "") + where + problem.message;
        list.appendChild(item);
        list.hidden = false;
        var input = document.getElementById(id);
        if (input) { input.setAttribute("aria-invalid", "true"); }
      } else {
        item.textContent = problem.where + ": " + problem.message;
        top.querySelector("ul").appendChild(item);
        top.hidden = false;
      }
    });
  }

  function validate() {
    var side = source();
    var mine = ++sequence;
    status.textContent = tr("console.editor", "Checking…");
    fetch(form.dataset.validate, {
      method: "POST",
      body: new FormData(form),
      headers: { "X-CSRF-Token": form.dataset.csrf, "Accept": "application/json" },
      credentials: "same-origin",
    }).then(function (reply) {
      if (reply.status === 401 || reply.status === 303) {
        throw new Error(tr("console.editor", "your session has expired: press Save to sign in again (the draft is kept)"));
      }
      if (!reply.ok) { throw new Error(tr("console.editor", "the server answered {status}", {status: reply.status})); }
      return reply.json();
    }).then(function (answer) {
      if (mine !== sequence) { return; }  // a newer check is on its way
      show(answer.problems, answer.source);
      save.disabled = !answer.ok;
      var count = answer.problems.length;
      // A count in a sentence needs the catalogue's plural forms; "Problems to fix ...: 3" needs none.
      status.textContent = answer.ok ? tr("console.editor", "No problems.") :
        tr("console.editor", "Problems to fix before saving: {count}", {count: count});
      if (answer.source === "form" && answer.yaml !== null && document.activeElement !== yamlBox) {
        yamlBox.value = answer.yaml;
      }
    }).catch(function (error) {
      if (mine !== sequence) { return; }
      save.disabled = false;  // the server checks on Save anyway
      status.textContent = tr("console.editor", "Could not check as you type ({reason}).", {reason: error.message});
    });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(validate, 350);
  }

  formPart.addEventListener("input", later);
  formPart.addEventListener("change", later);
  yamlBox.addEventListener("input", function () {
    if (source() !== "yaml") { setSource("yaml"); }
    later();
  });
  form.querySelectorAll("input[name=source]").forEach(function (radio) {
    radio.addEventListener("change", function () {
      if (radio.value === "form" && !window.confirm(tr("console.editor", "Use the form again? What you changed in the YAML is replaced by what the form holds."))) {
        setSource("yaml");
        return;
      }
      setSource(radio.value);
      validate();
    });
  });
  setSource(source());
  validate();
})();
