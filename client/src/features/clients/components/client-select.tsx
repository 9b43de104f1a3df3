import { NativeSelect } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/api-client";
import { useClients } from "../api/get-clients";

const STATUS_SUFFIX: Record<string, string> = { prospect: " (prospect)", paused: " (paused)", churned: " (churned)", active: "" };

/** A select of the workspace's clients (first 200, alphabetical as the API returns them). */
export function ClientSelect({
  id,
  value,
  onChange,
  ...aria
}: {
  id: string;
  value: string | null;
  onChange: (clientId: string | null) => void;
  "aria-invalid": boolean;
  "aria-describedby": string | undefined;
}) {
  const clients = useClients({ limit: 200 });
  if (clients.isPending) return <Skeleton className="h-9 w-full" />;
  if (clients.isError) return <p className="text-sm text-red-600">Couldn't load clients: {errorMessage(clients.error)}</p>;
  const list = clients.data.data;
  if (list.length === 0) {
    return (
      <NativeSelect id={id} disabled {...aria}>
        <option>No clients yet — add a client first</option>
      </NativeSelect>
    );
  }
  return (
    <NativeSelect id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || null)} {...aria}>
      <option value="">Choose a client…</option>
      {list.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
          {STATUS_SUFFIX[c.status] ?? ""}
        </option>
      ))}
    </NativeSelect>
  );
}
