// The console's texts for its page scripts, in the page's language: the server puts them in
// <script type="application/json" id="console-messages"> (a JSON block, not a script, so the
// Content-Security-Policy still allows only our own files), keyed "context\u0004source".
// window.signageTr(context, text, fields) is foundation.i18n's tr: `{name}` fields filled in,
// the English source when a text has no translation. A page script takes it as `tr`, so the
// catalogue's extractor finds its calls: tr("console.content", "Drop one file at a time.").
"use strict";
(function () {
  var block = document.getElementById("console-messages");
  var messages = {};
  try { messages = block ? JSON.parse(block.textContent) : {}; } catch (error) { messages = {}; }
  window.signageTr = function (context, text, fields) {
    var found = messages[context + "\u0004" + text];
    var result = typeof found === "string" && found ? found : text;
    if (fields) {
      result = result.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, function (whole, name) {
        return Object.prototype.hasOwnProperty.call(fields, name) ? String(fields[name]) : whole;
      });
    }
    return result;
  };
})();
