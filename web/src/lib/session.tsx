import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import { ApiError, api, setCsrfToken } from "./api.ts";
import type { Me } from "./types.ts";

export const ME_KEY = ["me"] as const;

/** Who is signed in; null when nobody is (a 401). Other errors surface to the caller. */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<Me | null> => {
      try {
        const me = await api<Me>("/me");
        setCsrfToken(me.csrf_token);
        return me;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    retry: false,
    staleTime: 60_000,
  });
}

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) {
    throw new Error("useMe() outside a signed-in area");
  }
  return me;
}

export function useCan(scope: string): boolean {
  return useMe().scopes.includes(scope);
}

export function useSignOut() {
  const client = useQueryClient();
  return async () => {
    await api("/session", { method: "DELETE" }).catch(() => undefined);
    setCsrfToken(null);
    client.clear();
    client.setQueryData(ME_KEY, null);
  };
}
