import { AppProviders } from "./providers";
import { AppRouter } from "./router";

/** The root component. */
export function App() {
  return (
    <AppProviders>
      <AppRouter />
    </AppProviders>
  );
}
