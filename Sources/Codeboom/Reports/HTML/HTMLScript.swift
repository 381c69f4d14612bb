/// The script of `rapport.html`: shows the filters and hides what they exclude (table columns of a perspective,
/// quotes of a perspective or document type); opens every source for printing. No network, no storage.
enum HTMLScript {
    static let javaScript = """
        (function () {
          'use strict';
          var form = document.getElementById('filters');
          if (!form) { return; }
          form.hidden = false;
          var boxes = Array.prototype.slice.call(form.querySelectorAll('input[type=checkbox]'));
          var note = form.querySelector('.filter-note');
          function hidden(kind) {
            return boxes.filter(function (box) { return box.dataset.filter === kind && !box.checked; })
                        .map(function (box) { return box.value; });
          }
          function apply() {
            var perspectives = hidden('perspectief');
            var types = hidden('type');
            var marked = Array.prototype.slice.call(document.querySelectorAll('main [class*="p-"], main .quote'));
            var count = 0;
            marked.forEach(function (element) {
              var out = perspectives.some(function (key) { return element.classList.contains(key); })
                || types.some(function (key) { return element.classList.contains(key); });
              element.classList.toggle('filtered-out', out);
              if (out && element.classList.contains('quote')) { count += 1; }
            });
            note.textContent = perspectives.length + types.length === 0 ? ''
              : 'Filter actief: ' + (perspectives.length + types.length) + ' keuze(s) verborgen.';
          }
          boxes.forEach(function (box) { box.addEventListener('change', apply); });
          window.addEventListener('beforeprint', function () {
            Array.prototype.forEach.call(document.querySelectorAll('details'), function (details) { details.open = true; });
          });
        })();

        """
}
