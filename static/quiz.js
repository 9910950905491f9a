/* Quipu's quiz page, enhanced. The page works without this file: an ordering question has its
   items numbered as shown, a position picker (a <select>) per item, and "Keep this order" to
   answer with the order shown. With it, each ordering question becomes a list whose items are
   dragged (mouse, finger, pen) or moved with the keyboard or their Move buttons, and the pickers,
   hidden, are rewritten after every move (and "Keep this order" ticked): the form posted is the
   same either way. Unticking "Keep this order" leaves the question unanswered again.
   Also: "Answered n of m", and a warning before leaving a quiz whose answers are not submitted.
   No inline code and no style attributes in markup: a Content-Security-Policy can forbid both. */
(function () {
  "use strict";

  const form = document.querySelector("form.quiz");
  if (!form) {
    return;
  }

  // The page's words in its language (web/quiz_words.py writes them into #quiz-words as JSON,
  // English as the key): t("Answered {n} of {m}", {n: 2, m: 10}).
  const WORDS = (function () {
    const block = document.getElementById("quiz-words");
    try { return block ? JSON.parse(block.textContent) : {}; } catch (e) { return {}; }
  }());
  function t(english, values) {
    return (WORDS[english] || english).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? String(values[name]) : all;
    });
  }

  const HOW = t("Drag an item by its handle, use its Move buttons, or focus it and press Space " +
    "to pick it up, the arrow keys to move it, Space to drop it and Escape to cancel. Your order " +
    "counts once you move an item or tick \u201cKeep this order\u201d; untick it to leave the " +
    "question unanswered.");
  const DRAG_THRESHOLD = 4; // pixels: a click that wobbles is not a drag
  const EDGE = 48; // pixels from the window's edge where a drag scrolls the page

  /* ---- The reorderable list ---- */

  function itemsOf(list) {
    return Array.prototype.slice.call(list.children);
  }

  function pickerOf(item) {
    return item.querySelector("select");
  }

  function positionOf(item) {
    return itemsOf(item.parentElement).indexOf(item) + 1;
  }

  function where(item) {
    return t("position {n} of {m}", { n: positionOf(item), m: item.parentElement.children.length });
  }

  function isAnswered(list) {
    return itemsOf(list).every(function (item) { return pickerOf(item).value !== ""; });
  }

  function keepOf(list) {
    return list.closest("fieldset").querySelector(".keep input");
  }

  // Every item shows its place from the start; "Keep this order" says whether it counts. Move up
  // is disabled on the first item and Move down on the last (a focused one hands the focus over).
  function renumber(list) {
    const items = itemsOf(list);
    items.forEach(function (item, index) {
      item.querySelector(".order-pos").textContent = String(index + 1);
      item.setAttribute("aria-label", item.dataset.text + ", " + where(item));
      item.querySelectorAll("button.move").forEach(function (button) {
        const end = button.dataset.by === "-1" ? index === 0 : index === items.length - 1;
        if (end && document.activeElement === button) {
          item.querySelector("button.move:not([data-by='" + button.dataset.by + "'])").focus();
        }
        button.disabled = end;
      });
    });
  }

  // Writes the order shown into the hidden pickers: this is what the form posts.
  function commit(list) {
    itemsOf(list).forEach(function (item) {
      const picker = pickerOf(item);
      picker.value = String(positionOf(item));
      picker.dispatchEvent(new Event("change", { bubbles: true }));
    });
    const keep = keepOf(list);
    if (keep) {
      keep.checked = true;
    }
    renumber(list);
  }

  // Unticked: no position is posted, and the question is unanswered; ticked: the order shown.
  function onKeep(list, keep) {
    if (keep.checked) {
      commit(list);
      return;
    }
    itemsOf(list).forEach(function (item) {
      pickerOf(item).value = "";
    });
    renumber(list);
  }

  // A page given back with answers kept shows the items in the positions picked.
  function sortByPickers(list) {
    const keyed = itemsOf(list).map(function (item, index) {
      const picked = parseInt(pickerOf(item).value, 10);
      return { item: item, rank: isNaN(picked) ? Infinity : picked, index: index };
    });
    keyed.sort(function (a, b) { return (a.rank - b.rank) || (a.index - b.index); });
    keyed.forEach(function (k) { list.appendChild(k.item); });
  }

  // The neighbour is moved, never the item itself: taking a node out of the page would cost it
  // the keyboard focus and the pointer capture.
  function step(item, by) {
    const neighbour = by < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (!neighbour) {
      return false;
    }
    if (by < 0) {
      item.after(neighbour);
    } else {
      item.before(neighbour);
    }
    return true;
  }

  function restore(list, order) {
    order.forEach(function (item) { list.appendChild(item); });
  }

  function moveButton(text, wording, by) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "move";
    button.dataset.by = String(by);
    button.textContent = wording;
    button.setAttribute("aria-label", wording + ": " + text);
    return button;
  }

  function enhanceItem(item) {
    const label = item.querySelector("label");
    const text = label.textContent.trim();
    const grip = document.createElement("span");
    const pos = item.querySelector(".order-pos");
    const words = document.createElement("span");
    const buttons = document.createElement("span");
    grip.className = "grip";
    grip.setAttribute("aria-hidden", "true");
    words.className = "order-text";
    words.textContent = text;
    buttons.className = "moves";
    buttons.append(moveButton(text, t("Move up"), -1), moveButton(text, t("Move down"), 1));
    pos.before(grip);
    label.replaceWith(words);
    pickerOf(item).hidden = true; // still posted: hidden controls are sent, disabled ones are not
    item.append(buttons);
    item.dataset.text = text;
    item.tabIndex = 0;
  }

  /* ---- Announcements ---- */

  function say(sorter, message) {
    sorter.announcer.textContent = message;
  }

  function sayMoved(sorter, item) {
    say(sorter, t("{item} moved to {where}", { item: item.dataset.text, where: where(item) }));
  }

  /* ---- Keyboard and buttons ---- */

  function lift(sorter, item) {
    sorter.held = { item: item, order: itemsOf(sorter.list) };
    item.classList.add("lifted");
    say(sorter, t("{item} picked up, {where}. Move it with the arrow keys, drop it with Space, " +
      "cancel with Escape.", { item: item.dataset.text, where: where(item) }));
  }

  function drop(sorter) {
    const item = sorter.held.item;
    sorter.held = null;
    item.classList.remove("lifted");
    commit(sorter.list);
    say(sorter, t("{item} dropped at {where}", { item: item.dataset.text, where: where(item) }));
  }

  function cancel(sorter) {
    const held = sorter.held;
    sorter.held = null;
    held.item.classList.remove("lifted");
    restore(sorter.list, held.order);
    held.item.focus(); // appending the items again may have taken the focus away
    renumber(sorter.list);
    say(sorter, t("Move cancelled: {item} is back at {where}",
      { item: held.item.dataset.text, where: where(held.item) }));
  }

  // One place up (by -1) or down (by 1), then `settle` the list (renumber while held, commit for
  // a button) and say where it went; at an end, say that it is already there.
  function moveOne(sorter, item, by, settle) {
    if (step(item, by)) {
      settle(sorter.list);
      sayMoved(sorter, item);
    } else {
      say(sorter, t(by < 0 ? "{item} is already first" : "{item} is already last",
        { item: item.dataset.text }));
    }
  }

  function moveHeld(sorter, by) {
    moveOne(sorter, sorter.held.item, by, renumber);
  }

  function focusNeighbour(item, by) {
    const neighbour = by < 0 ? item.previousElementSibling : item.nextElementSibling;
    if (neighbour) {
      neighbour.focus();
    }
  }

  function onKey(sorter, event) {
    const item = event.target;
    if (!item.classList || !item.classList.contains("order-item") || sorter.drag) {
      return; // keys on the Move buttons keep their usual meaning
    }
    const by = { ArrowUp: -1, ArrowDown: 1 }[event.key];
    if (event.key === " ") {
      event.preventDefault(); // Space would scroll the page
      if (sorter.held) {
        drop(sorter);
      } else {
        lift(sorter, item);
      }
    } else if (by) {
      event.preventDefault();
      if (sorter.held) {
        moveHeld(sorter, by);
      } else {
        focusNeighbour(item, by);
      }
    } else if (event.key === "Escape" && sorter.held) {
      event.preventDefault();
      cancel(sorter);
    }
  }

  function onButton(sorter, event) {
    const button = event.target.closest("button.move");
    if (!button) {
      return;
    }
    moveOne(sorter, button.closest(".order-item"), Number(button.dataset.by), commit);
  }

  // Tabbing or clicking away from a picked-up item puts it down where it is.
  function onFocusOut(sorter, event) {
    if (sorter.held && event.target === sorter.held.item) {
      drop(sorter);
    }
  }

  /* ---- Dragging (Pointer Events: mouse, finger and pen alike) ---- */

  function middle(element) {
    const box = element.getBoundingClientRect();
    return box.top + box.height / 2;
  }

  // Swaps past every neighbour whose middle the pointer has crossed, then keeps the item under it.
  function follow(drag) {
    const item = drag.item;
    while (item.previousElementSibling && drag.y < middle(item.previousElementSibling)) {
      step(item, -1);
    }
    while (item.nextElementSibling && drag.y > middle(item.nextElementSibling)) {
      step(item, 1);
    }
    item.style.transform = "";
    const top = item.getBoundingClientRect().top;
    item.style.transform = "translateY(" + (drag.y - drag.grab - top) + "px)";
  }

  function scrollNearEdge(y) {
    if (y < EDGE) {
      window.scrollBy(0, -EDGE / 4);
    } else if (y > window.innerHeight - EDGE) {
      window.scrollBy(0, EDGE / 4);
    }
  }

  function onPointerDown(sorter, event) {
    const item = event.target.closest(".order-item");
    if (!item || event.button !== 0 || event.target.closest("button")) {
      return;
    }
    if (event.pointerType !== "mouse" && !event.target.closest(".grip")) {
      return; // a finger on the text scrolls the page; the handle is for dragging
    }
    event.preventDefault(); // no text selection while dragging
    item.focus({ preventScroll: true });
    item.setPointerCapture(event.pointerId);
    sorter.drag = {
      item: item, order: itemsOf(sorter.list), y: event.clientY, startY: event.clientY,
      grab: event.clientY - item.getBoundingClientRect().top, moved: false,
    };
  }

  function onPointerMove(sorter, event) {
    const drag = sorter.drag;
    if (!drag) {
      return;
    }
    drag.y = event.clientY;
    if (!drag.moved && Math.abs(drag.y - drag.startY) < DRAG_THRESHOLD) {
      return;
    }
    if (!drag.moved) {
      drag.moved = true;
      drag.item.classList.add("lifted");
      sorter.list.classList.add("dragging");
    }
    scrollNearEdge(drag.y);
    follow(drag);
  }

  function endDrag(sorter, keep) {
    const drag = sorter.drag;
    sorter.drag = null;
    drag.item.style.removeProperty("transform");
    drag.item.classList.remove("lifted");
    sorter.list.classList.remove("dragging");
    if (!drag.moved) {
      return;
    }
    if (keep) {
      commit(sorter.list);
      sayMoved(sorter, drag.item);
    } else {
      restore(sorter.list, drag.order);
      drag.item.focus();
      say(sorter, t("Move cancelled: {item} is back at {where}",
        { item: drag.item.dataset.text, where: where(drag.item) }));
    }
  }

  function onDragKey(sorter, event) {
    if (sorter.drag && event.key === "Escape") {
      event.preventDefault();
      endDrag(sorter, false);
    }
  }

  /* ---- One ordering question ---- */

  function enhanceOrdering(fieldset) {
    const list = fieldset.querySelector(".order-list");
    const announcer = document.createElement("p");
    announcer.className = "visually-hidden";
    announcer.setAttribute("aria-live", "assertive");
    fieldset.append(announcer);
    const how = fieldset.querySelector(".how p");
    if (how) {
      how.textContent = HOW;
    }
    list.classList.add("reorder");
    itemsOf(list).forEach(enhanceItem);
    sortByPickers(list);
    const keep = keepOf(list);
    if (keep) {
      keep.checked = keep.checked || isAnswered(list);
      keep.addEventListener("change", function () { onKeep(list, keep); });
    }
    renumber(list);
    listen({ list: list, announcer: announcer, held: null, drag: null });
  }

  // `sorter` is one list's state: the item picked up with the keyboard, or the one dragged.
  function listen(sorter) {
    const on = sorter.list.addEventListener.bind(sorter.list);
    on("keydown", function (e) { onDragKey(sorter, e); onKey(sorter, e); });
    on("click", function (e) { onButton(sorter, e); });
    on("focusout", function (e) { onFocusOut(sorter, e); });
    on("pointerdown", function (e) { onPointerDown(sorter, e); });
    on("pointermove", function (e) { onPointerMove(sorter, e); });
    on("pointerup", function () { if (sorter.drag) { endDrag(sorter, true); } });
    on("pointercancel", function () { if (sorter.drag) { endDrag(sorter, false); } });
  }

  /* ---- Progress ---- */

  const questions = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));

  function isQuestionAnswered(fieldset) {
    if (fieldset.dataset.type === "ordering") {
      const keep = fieldset.querySelector(".keep input");
      return (keep !== null && keep.checked) ||
        Array.prototype.every.call(fieldset.querySelectorAll("select"), function (s) {
          return s.value !== "";
        });
    }
    return fieldset.querySelector("input:checked") !== null;
  }

  function answeredCount() {
    return questions.filter(isQuestionAnswered).length;
  }

  function showProgress(status) {
    const text = document.createElement("span");
    const bar = document.createElement("progress");
    const note = document.createElement("span");
    bar.max = questions.length;
    bar.setAttribute("aria-hidden", "true"); // the words say it; the bar is for the eye
    note.className = "save-note";
    status.replaceChildren(text, bar, note);
    function update() {
      const n = answeredCount();
      const words = t("Answered {n} of {m}", { n: n, m: questions.length });
      bar.value = n;
      if (text.textContent !== words) { // an unchanged status is not announced again
        text.textContent = words;
      }
    }
    update();
    form.addEventListener("change", update);
    form.addEventListener("input", update);
    return note;
  }

  /* ---- Autosave: every change is on the server within about two seconds ---- */

  const SAVE_AFTER = 1000; // milliseconds of quiet after a change
  const RETRY_AFTER = 5000;

  function autosave(note) {
    const url = form.dataset.draft;
    const state = { dirty: false, busy: false, timer: null, closed: false };
    if (!url) {
      return state;
    }
    function say(words, kind) {
      note.textContent = words;
      note.dataset.kind = kind || "";
    }
    function later(ms) {
      clearTimeout(state.timer);
      state.timer = setTimeout(save, ms);
    }
    function refused(body) {
      state.closed = true;
      state.dirty = false;
      say(body.error || t("This quiz is closed."), "error");
      const link = document.createElement("a");
      link.href = body.review || window.location.href;
      link.textContent = t("See your score");
      note.append(" ", link);
    }
    function save() {
      if (state.busy || !state.dirty || state.closed) {
        return;
      }
      state.busy = true;
      state.dirty = false; // a change while saving marks it dirty again
      say(t("Saving…"));
      fetch(url, { method: "POST", body: new FormData(form), credentials: "same-origin",
                   headers: { "Accept": "application/json" } })
        .then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok,
            status: response.status, body: body }; });
        })
        .then(function (r) {
          if (r.ok) {
            say(t("All answers saved"), "ok");
          } else if (r.status === 409 || r.status === 404) {
            refused(r.body);
          } else {
            state.dirty = true;
            say(t("Not saved: {why}", { why: r.body.error || t("try again") }), "error");
          }
        })
        .catch(function () {
          state.dirty = true;
          say(t("Not saved yet: no connection. Trying again…"), "error");
          later(RETRY_AFTER);
        })
        .then(function () {
          state.busy = false;
          if (state.dirty && !state.closed) {
            later(SAVE_AFTER);
          }
        });
    }
    function changed() {
      state.dirty = true;
      later(SAVE_AFTER);
    }
    form.addEventListener("change", changed);
    state.flush = function () { clearTimeout(state.timer); save(); };
    return state;
  }

  /* ---- Confirm before submitting with questions unanswered ---- */

  function confirmStep(region) {
    const title = region.querySelector("h2");
    const list = region.querySelector("ul");
    region.querySelector("[data-back]").addEventListener("click", function () {
      region.hidden = true;
      const first = questions.find(function (q) { return !isQuestionAnswered(q); });
      (first || questions[0]).querySelector("input, select, [tabindex]").focus();
    });
    form.addEventListener("submit", function (event) {
      const submitter = event.submitter;
      if (submitter && (submitter.value === "save" || submitter.name === "confirm")) {
        return; // saving, or already confirmed
      }
      const missing = questions.filter(function (q) { return !isQuestionAnswered(q); });
      if (missing.length === 0) {
        return;
      }
      event.preventDefault();
      title.textContent = t("{n} of {m} unanswered: submit anyway?",
        { n: missing.length, m: questions.length });
      list.replaceChildren.apply(list, missing.map(function (q) {
        const li = document.createElement("li");
        const a = document.createElement("a");
        a.href = "#" + q.id;
        a.textContent = q.querySelector(".number").textContent;
        li.append(a, ": " + q.querySelector("legend").lastChild.textContent.trim());
        return li;
      }));
      region.hidden = false;
      title.focus();
    });
  }

  /* ---- The time left ---- */

  function countdown(line, saver) {
    const left = parseInt(line.dataset.secondsLeft, 10);
    if (isNaN(left)) {
      return;
    }
    const ends = Date.now() + left * 1000; // the server's count: the device's clock may be wrong
    const timer = document.createElement("span");
    const alert = document.createElement("span");
    timer.className = "time-left";
    timer.setAttribute("role", "timer"); // not read out every second
    alert.className = "visually-hidden";
    alert.setAttribute("aria-live", "assertive");
    line.prepend(timer, " ");
    line.append(alert);
    const warned = {};
    function twoDigits(n) { return (n < 10 ? "0" : "") + n; }
    function tick() {
      const seconds = Math.max(0, Math.round((ends - Date.now()) / 1000));
      const h = Math.floor(seconds / 3600);
      const m = Math.floor((seconds % 3600) / 60);
      const clock = (h ? h + ":" + twoDigits(m) : String(m)) + ":" + twoDigits(seconds % 60);
      timer.textContent = t("{time} left", { time: clock });
      [300, 60].forEach(function (mark) {
        if (seconds <= mark && seconds > mark - 5 && !warned[mark]) {
          warned[mark] = true;
          alert.textContent = t(mark === 60 ? "{n} minute left." : "{n} minutes left.",
            { n: mark / 60 });
        }
      });
      line.classList.toggle("urgent", seconds <= 60);
      if (seconds === 0) {
        clearInterval(interval);
        handIn(saver, alert);
      }
    }
    const interval = setInterval(tick, 1000);
    tick();
  }

  // Time is up: hand the answers on the page in (the server allows a short grace for this).
  function handIn(saver, alert) {
    if (saver.closed) {
      return;
    }
    alert.textContent = t("Time is up: handing in your answers.");
    const confirm = document.createElement("input");
    confirm.type = "hidden";
    confirm.name = "confirm";
    confirm.value = "1";
    form.append(confirm);
    leaving = true;
    form.submit(); // no submit event: the confirmation step is skipped
  }

  /* ---- Leaving with answers not saved yet ---- */

  let leaving = false;

  function warnBeforeLeaving(saver) {
    form.addEventListener("submit", function (event) {
      if (!event.defaultPrevented) {
        leaving = true;
      }
    });
    window.addEventListener("beforeunload", function (event) {
      const unsaved = form.dataset.draft ? saver.dirty || saver.busy : answeredCount() > 0;
      if (!leaving && unsaved) {
        event.preventDefault();
        event.returnValue = ""; // older browsers ask only when this is set
      }
    });
  }

  questions.forEach(function (fieldset) {
    if (fieldset.dataset.type === "ordering") {
      enhanceOrdering(fieldset);
    }
  });
  const status = document.getElementById("progress");
  const note = status ? showProgress(status) : document.createElement("span");
  const saver = autosave(note);
  const region = document.getElementById("confirm");
  if (region) {
    confirmStep(region);
  }
  const deadline = document.getElementById("deadline");
  if (deadline) {
    countdown(deadline, saver);
  }
  if (!("live" in form.dataset)) { // a live game's page reloads itself as the game moves on
    warnBeforeLeaving(saver);
  }
})();
