// GOV.UK Frontend v5: marks the body so component styles apply only where the JS can run.
document.body.className +=
  " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
