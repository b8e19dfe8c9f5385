// "Copy citation": the citation is plain selectable text without JavaScript;
// with it, a button copies it to the clipboard.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var source = document.getElementById(button.dataset.copy);
  var status = button.parentNode.querySelector(".copy-status");
  if (!source) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var text = source.textContent.trim();
    var done = function () { if (status) status.textContent = "Copied."; };
    var fallback = function () {
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      if (status) status.textContent = ok ? "Copied." : "Selected: press Ctrl+C (or ⌘C) to copy.";
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  });
});
