/* A live game's pages, kept up to date: the phone's (/live/<pin>) and the projector's.
   Each page is drawn whole by the server and works without this file ("See what's next" /
   the Next button reload it). With it, the page listens to the game's Server-Sent Events and
   reloads itself when the game moves on (a new phase or question); the projector's page also
   updates "n of m answered" and the players in place, and Space or the right arrow press its
   Next button. Seconds left count down on the page's own clock, from the server's figure.
   No inline code, no style attributes: the Content-Security-Policy forbids both. */
(function () {
  "use strict";

  const root = document.getElementById("live");
  if (!root) {
    return;
  }

  function setText(selector, text) {
    document.querySelectorAll(selector).forEach(function (el) {
      if (el.textContent !== text) {
        el.textContent = text;
      }
    });
  }

  function listPlayers(players) {
    const list = document.querySelector("[data-players-list]");
    if (!list) {
      return;
    }
    list.replaceChildren.apply(list, players.map(function (name) {
      const li = document.createElement("li");
      li.textContent = name;
      return li;
    }));
  }

  function onState(state) {
    if (String(state.version) !== root.dataset.version || state.phase !== root.dataset.phase) {
      window.location.reload();
      return;
    }
    if (state.host) {
      setText("[data-answered]", String(state.answered));
      setText("[data-can-answer]", String(state.can_answer));
      setText("[data-player-count]", String(state.players.length));
      if (state.of_class) {
        setText("[data-class-joined]", String(state.of_class[0]));
      }
      listPlayers(state.players);
    }
  }

  if (window.EventSource && root.dataset.events) {
    const source = new EventSource(root.dataset.events);
    source.onmessage = function (event) {
      try {
        onState(JSON.parse(event.data));
      } catch (e) {
        /* a broken event: the next one, or a reload, puts it right */
      }
    };
  }

  // The countdown: from the server's seconds left, on this page's clock.
  const clock = document.querySelector("[data-seconds-left]");
  if (clock) {
    const ends = Date.now() + Number(clock.dataset.secondsLeft) * 1000;
    const shown = clock.querySelector("span") || clock;
    const tick = function () {
      const left = Math.max(0, Math.ceil((ends - Date.now()) / 1000));
      shown.textContent = String(left);
      if (left > 0) {
        setTimeout(tick, 250);
      } else {
        setTimeout(function () { window.location.reload(); }, 600); // the server reveals it
      }
    };
    tick();
  }

  // The projector: Space or the right arrow mean "next", unless typing somewhere.
  const next = document.querySelector("[data-next]");
  if (next) {
    document.addEventListener("keydown", function (event) {
      const typing = event.target.closest && event.target.closest("input, textarea, select");
      if (typing || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      if (event.key === " " || event.key === "ArrowRight") {
        if (event.target.closest && event.target.closest("button, a")) {
          if (event.key === " ") {
            return; // Space on a focused button presses that button already
          }
        }
        event.preventDefault();
        next.click();
      }
    });
  }
})();
