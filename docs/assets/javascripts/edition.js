/* Crossing the Border: reader features. Everything here is an enhancement:
   without JavaScript the page shows the diplomatic text, every name links to
   its entry, every footnote is at the foot of the page, every paragraph has
   its permalink in the margin and the document's citations are printed. */
(function () {
  "use strict";

  var VIEW_KEY = "crossing-border-view";

  function make(tag, className, text, attributes) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    return node;
  }

  /* Everything added to the page goes inside <main>, so it stays within a landmark. */
  function container() {
    return document.querySelector("main") || document.body;
  }

  /* ---- status messages for screen readers ------------------------------ */
  var statusRegion = null;
  function announce(message) {
    if (!statusRegion) {
      statusRegion = make("div", "visually-hidden", "", { id: "edition-status", role: "status", "aria-live": "polite" });
      container().appendChild(statusRegion);
    }
    statusRegion.textContent = "";
    setTimeout(function () { statusRegion.textContent = message; }, 50);
  }

  /* ---- copying text, also from file:// where the Clipboard API is absent -- */
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = make("textarea", "visually-hidden");
      area.value = text;
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      document.body.removeChild(area);
      if (copied) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  /* ---- diplomatic / reading view ---------------------------------------- */
  function currentView() {
    return document.documentElement.classList.contains("view-reading") ? "reading" : "diplomatic";
  }

  function setView(view) {
    document.documentElement.classList.toggle("view-reading", view === "reading");
    try { localStorage.setItem(VIEW_KEY, view); } catch (error) { /* private mode: not persisted */ }
    Array.prototype.forEach.call(document.querySelectorAll(".view-toggle button"), function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-view") === view));
    });
  }

  function setUpViewToggle() {
    var text = document.querySelector(".tei-text");
    if (!text) return;
    var group = make("div", "view-toggle", "", { role: "group", "aria-label": "Text view" });
    group.appendChild(make("span", "view-toggle-label", "Show the text:"));
    [["diplomatic", "As printed"], ["reading", "Reading text"]].forEach(function (pair) {
      var button = make("button", "", pair[1], { type: "button", "data-view": pair[0],
                                                 "aria-pressed": String(currentView() === pair[0]) });
      button.addEventListener("click", function () {
        setView(pair[0]);
        announce(pair[1] + " view");
      });
      group.appendChild(button);
    });
    var legend = document.querySelector(".bracket-legend");
    (legend || text).parentNode.insertBefore(group, legend || text);
  }

  /* ---- permanent address of a paragraph --------------------------------- */
  // The published address, never the address this copy is served from
  // (a local preview or the offline copy): it is what readers must cite.
  function permanentUrl(id) {
    var published = document.querySelector('meta[name="edition-permanent-url"]');
    var base = published ? published.getAttribute("content") : location.href.split("#")[0];
    return base.split("#")[0] + "#" + id;
  }

  function paragraphLabel(paragraph) {
    var number = paragraph.getAttribute("data-n");
    if (number) return "paragraph " + number;
    var link = paragraph.querySelector(".para-link");
    var label = link ? (link.getAttribute("aria-label") || "").replace(/^Link to /, "") : "";
    return label ? label.toLowerCase() : "this passage";
  }

  /* ---- citations of paragraphs, loaded on demand ------------------------ */
  var citationsLoading = null;
  function paragraphCitations() {
    var link = document.querySelector("a.paragraph-citations");
    if (!link) return Promise.reject(new Error("no citations"));
    var key = link.getAttribute("data-key");
    if (window.editionCitations && window.editionCitations[key]) return Promise.resolve(window.editionCitations[key]);
    if (!citationsLoading) {
      citationsLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = link.getAttribute("href");
        script.onload = function () { resolve(window.editionCitations[key]); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return citationsLoading;
  }

  var STYLE_LABELS = [["chicago", "Chicago (notes and bibliography)", "Note", "Bibliography"],
                      ["mla", "MLA", "In-text citation", "Works cited"],
                      ["apa", "APA", "In-text citation", "Reference list"]];

  function copyButton(label, getText) {
    var button = make("button", "copy-button", "Copy", { type: "button", "aria-label": "Copy " + label });
    button.addEventListener("click", function () {
      copyText(getText()).then(function () {
        button.textContent = "Copied";
        announce(label.charAt(0).toUpperCase() + label.slice(1) + " copied");
        setTimeout(function () { button.textContent = "Copy"; }, 2000);
      }, function () { announce("Could not copy: select the text and copy it by hand"); });
    });
    return button;
  }

  var dialog = null;
  function citeDialog() {
    if (dialog) return dialog;
    dialog = make("dialog", "cite-dialog", "", { "aria-labelledby": "cite-dialog-title" });
    var close = make("button", "cite-dialog-close", "Close", { type: "button" });
    close.addEventListener("click", function () { dialog.close(); });
    dialog.appendChild(close);
    dialog.appendChild(make("h2", "", "", { id: "cite-dialog-title" }));
    dialog.appendChild(make("div", "cite-dialog-body"));
    dialog.addEventListener("click", function (event) { if (event.target === dialog) dialog.close(); });
    container().appendChild(dialog);
    return dialog;
  }

  function openCitation(paragraph, trigger) {
    paragraphCitations().then(function (citations) {
      var styles = citations[paragraph.id];
      if (!styles) return;
      var box = citeDialog();
      box.querySelector("h2").textContent = "Cite " + paragraphLabel(paragraph);
      var body = box.querySelector(".cite-dialog-body");
      body.textContent = "";
      body.appendChild(make("p", "cite-url", "Permanent address: " + permanentUrl(paragraph.id)));
      STYLE_LABELS.forEach(function (style) {
        var section = make("section", "cite-style");
        section.appendChild(make("h3", "", style[1]));
        [[style[2], styles[style[0]].citation], [style[3], styles[style[0]].bibliography]].forEach(function (pair) {
          var row = make("div", "cite-row");
          row.appendChild(make("p", "cite-kind", pair[0]));
          var output = make("div", "csl-output");
          output.innerHTML = pair[1];  // generated at build time by citeproc-js
          row.appendChild(output);
          row.appendChild(copyButton(style[1] + " " + pair[0].toLowerCase(), function () { return output.textContent.trim(); }));
          section.appendChild(row);
        });
        body.appendChild(section);
      });
      box.addEventListener("close", function restore() {
        box.removeEventListener("close", restore);
        if (trigger) trigger.focus();
      });
      box.showModal();
    }, function () { announce("The citations could not be loaded"); });
  }

  /* ---- tools on each paragraph: copy link, cite ------------------------- */
  function setUpParagraphTools() {
    var canCite = !!document.querySelector("a.paragraph-citations");
    var paragraphs = document.querySelectorAll(".tei-text .para[id]");
    Array.prototype.forEach.call(paragraphs, function (paragraph) {
      var label = paragraphLabel(paragraph);
      var tools = make("span", "app para-tools");
      var link = make("button", "copy-link", "link", { type: "button", "aria-label": "Copy link to " + label });
      link.addEventListener("click", function () {
        var url = permanentUrl(paragraph.id);
        copyText(url).then(function () {
          announce("Link to " + label + " copied: " + url);
          link.textContent = "copied";
          setTimeout(function () { link.textContent = "link"; }, 2000);
        }, function () { announce("Could not copy the link: " + url); });
      });
      tools.appendChild(link);
      if (canCite && paragraph.getAttribute("data-n")) {
        var cite = make("button", "cite-para", "cite", { type: "button", "aria-label": "Cite " + label });
        cite.addEventListener("click", function () { openCitation(paragraph, cite); });
        tools.appendChild(cite);
      }
      // right after the permalink, so that the keyboard reaches the tools before the text's links
      var permalink = paragraph.querySelector(".para-link");
      paragraph.insertBefore(tools, permalink ? permalink.nextSibling : paragraph.firstChild);
      if (permalink) {
        // On a touch screen there is no hover: a tap on the number opens the
        // paragraph's tools (large enough for a finger) and marks the paragraph.
        permalink.setAttribute("aria-expanded", "false");
        permalink.addEventListener("click", function (event) {
          if (!touchScreen()) return;
          event.preventDefault();
          var open = !paragraph.classList.contains("tools-open");
          paragraph.classList.toggle("tools-open", open);
          permalink.setAttribute("aria-expanded", String(open));
          history.replaceState(null, "", "#" + paragraph.id);
          highlightTarget(true);
        });
      }
    });
  }

  function touchScreen() {
    return window.matchMedia && window.matchMedia("(hover: none)").matches;
  }

  /* ---- keyboard: one tab stop per paragraph ------------------------------ */
  // Every name and note number used to be a tab stop, so the citation at the
  // foot of a long document was hundreds of presses away. Tab now moves from
  // paragraph to paragraph (its number); the arrow keys move within it.
  function setUpParagraphKeys() {
    var hint = make("span", "visually-hidden",
                    "Left and right arrow keys: this paragraph's tools, names and notes.", { id: "para-keys-hint" });
    container().appendChild(hint);
    var UNITS = ".para, h2, h3, h4, h5, h6, dd, .tei-subhead";  // paragraphs, headings, meeting data
    Array.prototype.forEach.call(document.querySelectorAll(".tei-text :is(" + UNITS + ")"), function (paragraph) {
      var items = Array.prototype.filter.call(paragraph.querySelectorAll("a[href], button"), function (node) {
        return node.closest(UNITS) === paragraph && !node.classList.contains("headerlink");
      });
      if (items.length < 2) return;
      items.forEach(function (item, index) { if (index) item.setAttribute("tabindex", "-1"); });
      if (items[0].classList.contains("para-link")) items[0].setAttribute("aria-describedby", "para-keys-hint");
      paragraph.addEventListener("keydown", function (event) {
        var index = items.indexOf(document.activeElement);
        var moves = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: items.length - 1 };
        if (index < 0 || !(event.key in moves) || event.altKey || event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        items[(moves[event.key] + items.length) % items.length].focus();
      });
    });
  }

  /* ---- "Skip to the text", beside the theme's "Skip to content" ---------- */
  function addSkipToText() {
    var text = document.getElementById("text");
    var skip = document.querySelector("a.md-skip");
    if (!text || !skip) return;
    skip.parentNode.insertBefore(make("a", "md-skip skip-to-text", "Skip to the text", { href: "#text" }), skip.nextSibling);
  }

  /* ---- copy buttons for the document's citations ------------------------- */
  function setUpCitationCopy() {
    Array.prototype.forEach.call(document.querySelectorAll(".cite-styles .cite-style"), function (section) {
      var style = section.querySelector("h3").textContent;
      Array.prototype.forEach.call(section.querySelectorAll(".csl-output"), function (output) {
        var kind = output.previousElementSibling ? output.previousElementSibling.textContent.toLowerCase() : "citation";
        output.parentNode.insertBefore(copyButton(style + " " + kind, function () { return output.textContent.trim(); }),
                                       output.nextSibling);
      });
    });
  }

  /* ---- the linked paragraph is highlighted ------------------------------- */
  function highlightTarget(stay) {
    Array.prototype.forEach.call(document.querySelectorAll(".is-highlighted"), function (node) {
      node.classList.remove("is-highlighted");
    });
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    // an old id kept for a paragraph that was renamed or merged: mark the paragraph
    if (target.classList.contains("alias-anchor")) target = target.closest(".para, .sp, dd") || target;
    // a link into a closed panel (headnote, about this document) opens it
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    target.classList.add("is-highlighted");
    if (stay !== true) target.scrollIntoView({ block: "start" });
  }

  /* ---- footnotes as pop-overs: keyboard and touch, dismissable ----------- */
  function setUpFootnotes() {
    var popover = null;
    var opener = null;
    function closeNote() {
      if (!popover) return;
      popover.remove();
      popover = null;
      if (opener) opener.focus();
      opener = null;
    }
    Array.prototype.forEach.call(document.querySelectorAll("a.footnote-ref"), function (ref) {
      ref.addEventListener("click", function (event) {
        var note = document.getElementById(decodeURIComponent(ref.getAttribute("href").slice(1)));
        if (!note) return;
        event.preventDefault();
        closeNote();
        opener = ref;
        popover = make("div", "note-popover", "", { role: "dialog", "aria-label": "Note " + ref.textContent.trim(),
                                                     tabindex: "-1" });
        var content = make("div", "note-content");  // the note's content, not its list item
        Array.prototype.forEach.call(note.childNodes, function (child) { content.appendChild(child.cloneNode(true)); });
        Array.prototype.forEach.call(content.querySelectorAll(".footnote-backref, [id]"), function (node) {
          if (node.classList.contains("footnote-backref")) { node.remove(); } else { node.removeAttribute("id"); }
        });
        var close = make("button", "note-close", "Close note", { type: "button" });
        close.addEventListener("click", closeNote);
        popover.appendChild(make("p", "note-number", "Note " + ref.textContent.trim()));
        popover.appendChild(content);
        popover.appendChild(close);
        container().appendChild(popover);
        var box = ref.getBoundingClientRect();
        popover.style.top = (window.scrollY + box.bottom + 6) + "px";
        popover.style.left = (window.scrollX + Math.max(8, Math.min(box.left - 40,
          document.documentElement.clientWidth - popover.offsetWidth - 8))) + "px";
        popover.focus();
      });
    });
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") closeNote(); });
    document.addEventListener("click", function (event) {
      if (popover && !popover.contains(event.target) && !event.target.closest("a.footnote-ref")) closeNote();
    });
  }

  /* ---- the theme's search dialog gets an accessible name ----------------- */
  function nameSearchDialog() {
    var search = document.querySelector('.md-search[role="dialog"]');
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "Search the edition");
  }

  /* ---- look-up cards: hover, keyboard focus, tap ------------------------- */
  function setUpCards() {
    var dataNode = document.getElementById("entry-cards");
    if (!dataNode) return;
    var cards = JSON.parse(dataNode.textContent);
    var card = make("div", "entry-card", "", { id: "entry-card", role: "tooltip" });
    card.hidden = true;
    container().appendChild(card);
    var current = null;
    var hideTimer = null;

    function fill(data, href) {
      card.textContent = "";
      card.appendChild(make("div", "card-kind", data.kind));
      card.appendChild(make("div", "card-name", data.name, data.lang ? { lang: data.lang } : {}));
      if (data.variants && data.variants.length) {
        var variants = make("p", "card-variants");
        data.variants.forEach(function (variant, index) {
          if (index) variants.appendChild(document.createTextNode(" · "));
          variants.appendChild(make("span", "", variant.text, variant.lang ? { lang: variant.lang } : {}));
        });
        card.appendChild(variants);
      }
      if (data.role) card.appendChild(make("p", "card-role", data.role));
      card.appendChild(make("p", "card-summary", data.summary));
      card.appendChild(make("a", "card-link", "Full entry →", { href: href }));
    }

    function place(anchor) {
      var box = anchor.getBoundingClientRect();
      card.style.top = (window.scrollY + box.bottom + 6) + "px";
      card.style.left = (window.scrollX + Math.max(8, Math.min(box.left,
        document.documentElement.clientWidth - card.offsetWidth - 8))) + "px";
    }

    function show(anchor) {
      var data = cards[anchor.getAttribute("data-entry")];
      if (!data) return;
      clearTimeout(hideTimer);
      if (current && current !== anchor) current.removeAttribute("aria-describedby");
      fill(data, anchor.getAttribute("href"));
      card.hidden = false;
      place(anchor);
      anchor.setAttribute("aria-describedby", "entry-card");
      current = anchor;
    }

    function hide() {
      card.hidden = true;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
      tapped = null;
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    }

    var tapped = null;  // the mention whose card a tap has opened
    Array.prototype.forEach.call(document.querySelectorAll("a.mention[data-entry]"), function (anchor) {
      anchor.addEventListener("pointerenter", function (event) { if (event.pointerType === "mouse") show(anchor); });
      anchor.addEventListener("pointerleave", function (event) { if (event.pointerType === "mouse") hideSoon(); });
      anchor.addEventListener("focus", function () { show(anchor); });
      anchor.addEventListener("blur", hideSoon);
      // On a touch screen the first tap opens the card, a second tap follows the link.
      anchor.addEventListener("pointerdown", function (event) { anchor.dataset.lastPointer = event.pointerType; });
      anchor.addEventListener("click", function (event) {
        if (anchor.dataset.lastPointer === "touch" && tapped !== anchor) {
          event.preventDefault();
          show(anchor);
          tapped = anchor;
        }
      });
    });
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", hideSoon);
    document.addEventListener("keydown", function (event) { if (event.key === "Escape" && !card.hidden) hide(); });
    document.addEventListener("click", function (event) {
      if (!card.hidden && !card.contains(event.target) && !(current && current.contains(event.target))) hide();
    });
  }

  /* ---- a table wider than the screen scrolls, and the keyboard can scroll it */
  function makeWideTablesReachable() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth) return;
      var caption = wrap.querySelector("caption, th");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", "Table, scrolls sideways" + (caption ? ": " + caption.textContent.trim() : ""));
    });
  }

  /* ---- printing from the browser shows every panel ----------------------- */
  function openPanelsForPrint() {
    var closed = [];
    window.addEventListener("beforeprint", function () {
      closed = Array.prototype.filter.call(document.querySelectorAll("details:not([open])"), function (panel) {
        panel.open = true;
        return true;
      });
    });
    window.addEventListener("afterprint", function () {
      closed.forEach(function (panel) { panel.open = false; });
      closed = [];
    });
  }

  /* ---- the drawer and search start closed, also when the browser restores
     a page from its cache (the theme's autocomplete="off" did this, but
     HTML does not allow it on a checkbox) */
  function resetToggles() {
    window.addEventListener("pageshow", function (event) {
      if (!event.persisted) return;
      ["__drawer", "__search"].forEach(function (id) {
        var toggle = document.getElementById(id);
        if (toggle) toggle.checked = false;
      });
    });
  }

  function start() {
    setUpViewToggle();
    setUpParagraphTools();
    setUpParagraphKeys();
    addSkipToText();
    setUpCitationCopy();
    setUpFootnotes();
    setUpCards();
    nameSearchDialog();
    openPanelsForPrint();
    makeWideTablesReachable();
    resetToggles();
    highlightTarget();
    window.addEventListener("hashchange", function () { highlightTarget(); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
