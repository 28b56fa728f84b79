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
  // A failed query: the endpoint's message in the page's language (its JSON error envelope),
  // where YASGUI would print "Error" and the raw body, or its English list of network causes.
  Yasgui.Yasr.defaults.errorRenderers = [renderError];

  var container = document.getElementById("yasgui");
  var yasgui = new Yasgui(container, {
    // Focus stays where the page starts: a keyboard user reaches the editor by Tab, not at once.
    autofocus: false,
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
      // Tab and Shift+Tab move focus, as everywhere else, instead of indenting: no keyboard trap,
      // and tabbing through the page leaves the query as it is (the page says so).
      extraKeys: { Tab: false, "Shift-Tab": false },
      prefixCcApi: null,
      persistenceId: null,
      consumeShareLink: null,
      createShareableLink: null
    },
    yasr: { persistenceId: null }
  });
  window.bcicYasgui = yasgui; // for the browser test and the console
  translateYasgui(container, config.labels.texts, config.labels.chip);
  accessible(container, config.labels.fields);

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

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return values[name]; });
  }

  function renderError(error) {
    var envelope = null;
    try { envelope = JSON.parse(error.text); } catch (notJson) { envelope = null; }
    var ours = envelope !== null && typeof envelope.message === "string";
    var box = document.createElement("div");
    var title = document.createElement("p");
    title.textContent = ours ? fill(config.labels.error.refused, envelope)
      : config.labels.error.failed;
    var message = document.createElement("pre");
    message.className = "errorMessage";
    message.textContent = ours ? envelope.message : error.text;
    box.append(title, message);
    return Promise.resolve(box);
  }

  // What YASGUI leaves out for assistive technology, for every tab it draws: a name for the
  // endpoint field and the query's textarea (the textarea also pointing to the keyboard note),
  // and a tablist holding only tabs: the "+" (new tab) button moves out beside it. YASGUI adds
  // tabs before its add-tab element, or at the end when there is none.
  function accessible(container, fields) {
    function name() {
      container.querySelectorAll(".yasgui input.autocomplete").forEach(function (input) {
        input.setAttribute("aria-label", fields.endpoint);
      });
      container.querySelectorAll(".yasqe .CodeMirror textarea").forEach(function (textarea) {
        textarea.setAttribute("aria-label", fields.query);
        textarea.setAttribute("aria-describedby", "sparql-keyboard");
      });
    }
    var tabs = yasgui.tabElements;
    var list = tabs._tabsListEl;
    if (tabs.addTabEl && list && tabs.addTabEl.parentNode === list) {
      list.after(tabs.addTabEl);
      tabs.addTabEl.className = "addTabOutside";
      tabs.addTabEl = null;
    }
    name();
    new MutationObserver(name).observe(container, { subtree: true, childList: true });
  }

  // YASGUI's own texts that no option reaches (web/README.md, "The SPARQL editor's own texts"):
  // `texts` maps each, verbatim, to the page's language (empty in English: nothing happens). A text
  // node or a title / aria-label / placeholder is swapped only when its whole text is one of them,
  // and never inside what the user or the endpoint wrote: the query (CodeMirror's lines), result
  // cells and column names, the Response view, the ASK answer, error messages, tab names and
  // endpoints.
  function translateYasgui(container, texts, chip) {
    var KEEP = "td, th, pre, textarea, .CodeMirror-line, .CodeMirror-measure, [role=tab] > span, " +
      ".autocompleteList li, .booleanResult, .errorResult, metadata";
    var ATTRIBUTES = ["title", "aria-label", "placeholder"];
    // YASGUI's results line: "3 results in 0.81 seconds", "1 result", "Response in 1 second".
    var CHIP = /^(?:(\d+) results?|Response)(?: in ([\d.]+) seconds?)?$/;
    if (!Object.keys(texts).length) { return; }

    function known(text) {
      var core = text.trim();
      if (!Object.prototype.hasOwnProperty.call(texts, core)) { return null; }
      return text.replace(core, function () { return texts[core]; });
    }
    function chipText(text) {
      var parts = CHIP.exec(text.trim());
      if (!parts || (parts[1] === undefined && parts[2] === undefined)) { return null; }
      var template = parts[2] === undefined ? chip.rows
        : parts[1] === undefined ? chip.time : chip.rowsTime;
      return fill(template, { count: parts[1], seconds: parts[2] });
    }
    function translateText(node) {
      var inChip = node.parentElement.classList.contains("yasr_response_chip");
      var text = inChip ? chipText(node.data) : known(node.data);
      if (text !== null) { node.data = text; }
    }
    function translateAttributes(element) {
      ATTRIBUTES.forEach(function (name) {
        var value = element.getAttribute(name);
        var text = value && known(value);
        if (text) { element.setAttribute(name, text); }
      });
    }
    function kept(node) {
      var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
      return !element || element.closest(KEEP) !== null;
    }
    function translate(root) {
      if (kept(root)) { return; }
      if (root.nodeType === Node.TEXT_NODE) { translateText(root); return; }
      if (root.nodeType !== Node.ELEMENT_NODE) { return; }
      translateAttributes(root);
      var walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          return node.nodeType === Node.ELEMENT_NODE && node.matches(KEEP)
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      for (var node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) {
          translateText(node);
        } else {
          translateAttributes(node);
        }
      }
    }

    translate(container);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "childList") {
          record.addedNodes.forEach(translate);
        } else if (record.type === "characterData") {
          translate(record.target);
        } else if (!kept(record.target)) {
          translateAttributes(record.target);
        }
      });
    }).observe(container, { subtree: true, childList: true, characterData: true,
                            attributes: true, attributeFilter: ATTRIBUTES });
  }
}());
