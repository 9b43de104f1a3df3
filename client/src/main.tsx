import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app";
import { ApiError } from "./lib/api-client";
import "./index.css";

// The same plain-words validation messages as the API (forms check with the shared contracts).
// Loaded beside the first render, not in the initial bundle: it needs zod, which only pages with
// forms download (and they download after this has long been installed).
void import("@shared/utils/zod-messages");

const root = document.getElementById("root");
if (!root) throw new Error("index.html is missing #root");

createRoot(root, {
  // API errors shown by a route's error boundary are expected; only real crashes are worth logging.
  onCaughtError: (error, info) => {
    if (!(error instanceof ApiError)) console.error("Page crashed", error, info.componentStack);
  },
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
