import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app.tsx";
import { ToastProvider } from "./components/ui/toast.tsx";
import { INVOICING_PROVIDER_KEY, XERO_STATUS_KEY } from "./features/integrations/queries.ts";
import { ApiError } from "./lib/api.ts";
import { ME_KEY } from "./lib/session.tsx";
import "./styles.css";
import "./xero.css";
import "./payments.css";

/**
 * A Xero call refused with "Reconnect Xero…" has just marked the connection needs_reconnect: the cached status
 * is read again so every Xero screen shows it. Only the status and the invoicing provider, which answer even then.
 */
function refreshXeroStatusAfter(error: unknown): void {
  if (error instanceof ApiError && error.fix && /reconnect/i.test(error.fix)) {
    void queryClient.invalidateQueries({ queryKey: XERO_STATUS_KEY, exact: true });
    void queryClient.invalidateQueries({ queryKey: INVOICING_PROVIDER_KEY });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error) => {
      // A session that expired mid-use sends the user back to sign-in.
      if (error instanceof ApiError && error.status === 401) {
        queryClient.setQueryData(ME_KEY, null);
      }
      refreshXeroStatusAfter(error);
    },
  }),
  mutationCache: new MutationCache({ onError: refreshXeroStatusAfter }),
  defaultOptions: {
    queries: {
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <App />
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}
