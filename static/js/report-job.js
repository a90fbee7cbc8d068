// Report job page: polls the job's JSON status and updates the progress bar; reloads when the job
// finishes so the server renders the download button (or the error). A file, not inline: the CSP
// allows scripts from 'self' only. Without JavaScript the page offers a Refresh link instead.
(function () {
  "use strict";

  var root = document.querySelector("[data-report-job-status-url]");
  if (!root || !window.fetch) {
    return;
  }
  var url = root.getAttribute("data-report-job-status-url");
  var bar = document.getElementById("report-job-progress");
  var stage = document.getElementById("report-job-stage");
  var tag = document.querySelector("[data-report-job-status-tag]");
  var TAG_COLOURS = {
    queued: "govuk-tag--grey",
    running: "govuk-tag--blue",
    done: "govuk-tag--green",
    failed: "govuk-tag--red"
  };
  var delay = 1000;
  var maxDelay = 5000;
  var giveUpAt = Date.now() + 15 * 60 * 1000;

  function show(status) {
    if (bar) {
      bar.value = status.progress;
      bar.textContent = status.progress + "%";
    }
    var text = status.progress + "% done: " + status.stage + ".";
    if (stage && stage.textContent !== text) {
      stage.textContent = text;
    }
    if (tag && tag.textContent !== status.status_label) {
      tag.textContent = status.status_label;
      tag.className = "govuk-tag " + (TAG_COLOURS[status.status] || "govuk-tag--grey");
    }
  }

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" }, cache: "no-store" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (status) {
        show(status);
        if (status.finished) {
          window.location.reload();
          return;
        }
        delay = status.status === "running" ? 1000 : Math.min(delay * 1.5, maxDelay);
        schedule();
      })
      .catch(function () {
        delay = Math.min(delay * 2, maxDelay);
        schedule();
      });
  }

  function schedule() {
    if (Date.now() < giveUpAt) {
      window.setTimeout(poll, delay);
    }
  }

  schedule();
})();
