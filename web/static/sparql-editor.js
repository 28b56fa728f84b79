// The SPARQL editor page: YASGUI against this app's /sparql, the named queries as examples.
// No network beyond this server: no CORS proxy, no prefix.cc, no LOV term look-ups, no other
// endpoints in the catalogue, nothing read from or written to the URL or local storage.
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("sparql-editor-config").textContent);
  var byName = {};
  config.queries.forEach(function (q) { byName[q.name] = q; });

  // The table plugin takes its DataTables options from its class defaults only (no per-instance
  // option): the page's language goes there, over the paging symbols YASR sets.
  var table = Yasgui.Yasr.plugins.table.defaults.tableConfig;
  table.language = Object.assign({}, table.language, config.labels.table);

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    tabName: config.labels.tabName,
    requestConfig: { endpoint: config.endpoint, method: "POST" },
    endpointCatalogueOptions: {
      getData: function () { return [{ endpoint: config.endpoint }]; },
      keys: []
    },
    copyEndpointOnNewTab: true,
    corsProxy: undefined,
    populateFromUrl: false,
    persistenceId: null,
    yasqe: {
      autocompleters: ["prefixes", "variables"], // "class" and "property" call an outside API
      prefixCcApi: null,
      persistenceId: null,
      consumeShareLink: null,
      createShareableLink: null
    },
    yasr: { persistenceId: null }
  });
  window.bcicYasgui = yasgui; // for the browser test and the console

  function load(name) {
    var query = byName[name];
    var tab = yasgui.getTab();
    tab.setEndpoint(config.endpoint);
    tab.setQuery(query.text);
    document.querySelectorAll("#named-queries button").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.dataset.query === name));
    });
  }

  document.getElementById("named-queries").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-query]");
    if (button) { load(button.dataset.query); }
  });
  if (config.queries.length && !yasgui.getTab().getQuery().trim()) {
    load(config.queries[0].name);
  }
}());
