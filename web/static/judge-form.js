/* bcic judgement forms: the rationale box says the language its <select name="note_lang"> names
   (lang attribute), so that spell checkers, input methods and screen readers treat a rationale
   written in the other language than the page's as that language. Without this script the box
   keeps the page's language, which the select starts on. */
(function () {
  "use strict";
  document.querySelectorAll("form[data-judge-form]").forEach(function (form) {
    var choice = form.querySelector("select[name=note_lang]");
    var note = form.querySelector("textarea[name=note]");
    if (!choice || !note) { return; }
    function follow() { note.setAttribute("lang", choice.value); }
    choice.addEventListener("change", follow);
    follow();
  });
}());
