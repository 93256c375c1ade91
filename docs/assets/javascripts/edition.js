/* Crossing the Border: reader features. Everything here is an enhancement:
   without JavaScript the page shows the diplomatic text, every name links to
   its entry and every footnote is at the foot of the page. */
(function () {
  "use strict";

  /* ---- look-up cards: hover, keyboard focus, tap ------------------------ */
  function setUpCards() {
    var dataNode = document.getElementById("entry-cards");
    if (!dataNode) return;
    var cards = JSON.parse(dataNode.textContent);
    var card = document.createElement("div");
    card.className = "entry-card";
    card.id = "entry-card";
    card.setAttribute("role", "tooltip");
    card.hidden = true;
    document.body.appendChild(card);
    var current = null;
    var hideTimer = null;

    function element(tag, className, text, lang) {
      var node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      if (lang) node.lang = lang;
      return node;
    }

    function fill(data, href) {
      card.textContent = "";
      card.appendChild(element("div", "card-kind", data.kind));
      card.appendChild(element("div", "card-name", data.name, data.lang));
      if (data.variants && data.variants.length) {
        var variants = element("p", "card-variants");
        data.variants.forEach(function (variant, index) {
          if (index) variants.appendChild(document.createTextNode(" · "));
          variants.appendChild(element("span", "", variant.text, variant.lang));
        });
        card.appendChild(variants);
      }
      if (data.role) card.appendChild(element("p", "card-role", data.role));
      card.appendChild(element("p", "card-summary", data.summary));
      var more = element("a", "card-link", "Full entry →");
      more.href = href;
      card.appendChild(more);
    }

    function place(anchor) {
      var box = anchor.getBoundingClientRect();
      var top = window.scrollY + box.bottom + 6;
      var left = window.scrollX + Math.max(8, Math.min(box.left, document.documentElement.clientWidth - card.offsetWidth - 8));
      card.style.top = top + "px";
      card.style.left = left + "px";
    }

    function show(anchor) {
      var data = cards[anchor.getAttribute("data-entry")];
      if (!data) return false;
      clearTimeout(hideTimer);
      if (current && current !== anchor) current.removeAttribute("aria-describedby");
      fill(data, anchor.getAttribute("href"));
      card.hidden = false;
      place(anchor);
      anchor.setAttribute("aria-describedby", "entry-card");
      current = anchor;
      return true;
    }

    function hide() {
      card.hidden = true;
      if (current) current.removeAttribute("aria-describedby");
      current = null;
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    }

    var mentions = document.querySelectorAll("a.mention[data-entry]");
    Array.prototype.forEach.call(mentions, function (anchor) {
      anchor.addEventListener("mouseenter", function () { show(anchor); });
      anchor.addEventListener("mouseleave", hideSoon);
      anchor.addEventListener("focus", function () { show(anchor); });
      anchor.addEventListener("blur", hideSoon);
      // On a touch screen the first tap opens the card, a second tap follows the link.
      anchor.addEventListener("pointerup", function (event) {
        anchor.dataset.lastPointer = event.pointerType;
      });
      anchor.addEventListener("click", function (event) {
        if (anchor.dataset.lastPointer === "touch" && current !== anchor) {
          event.preventDefault();
          show(anchor);
        }
      });
    });
    card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    card.addEventListener("mouseleave", hideSoon);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !card.hidden) hide();
    });
    document.addEventListener("click", function (event) {
      if (!card.hidden && !card.contains(event.target) && !(current && current.contains(event.target))) hide();
    });
  }

  function start() {
    setUpCards();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
