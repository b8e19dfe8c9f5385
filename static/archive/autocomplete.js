// Suggests speaker and place names in the search form's <datalist>s.
// The form works without it: the fields accept a name or a slug.
(function () {
  "use strict";
  document.querySelectorAll("input[data-autocomplete]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    var url = input.dataset.autocompleteUrl;
    if (!list || !url || !window.fetch) return;
    var timer = null, last = "";
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var q = input.value.trim();
        if (q.length < 2 || q === last) return;
        last = q;
        var query = "?kind=" + encodeURIComponent(input.dataset.autocomplete) + "&q=" + encodeURIComponent(q);
        fetch(url + query, { headers: { Accept: "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.results.map(function (row) {
              var option = document.createElement("option");
              option.value = row.name;  // textContent/value: never parsed as HTML
              return option;
            }));
          })
          .catch(function () {});
      }, 150);
    });
  });
})();
