// Copy buttons for the snippets on /embed. Without JavaScript the buttons stay hidden and the code can be selected by hand.
(function () {
  'use strict';
  document.querySelectorAll('button.copy-button[data-copy]').forEach(function (button) {
    var source = document.getElementById(button.getAttribute('data-copy'));
    if (!source) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var text = source.textContent;
      var done = function () {
        button.textContent = '已复制';
        setTimeout(function () { button.textContent = '复制代码'; }, 2000);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { selectText(source, button); });
      } else {
        selectText(source, button);
      }
    });
  });

  function selectText(element, button) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    button.textContent = '请按 Ctrl+C 复制';
  }
})();
