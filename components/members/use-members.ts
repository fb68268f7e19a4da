"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { fetchAllPages } from "@/lib/api/fetch-all-pages";
import { fetchJson } from "@/lib/api/fetch-json";
import type { Role } from "@/lib/db/generated/enums";
import type { Page } from "@/lib/db/keyset-page";
import type { MemberDto } from "@/lib/members/service";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";
import { useReauth } from "@/components/security/reauth-provider";
import { roleLabel } from "./role-badge";

const displayName = (m: MemberDto) => m.name ?? m.email;

/** The roster, seeded with the server-rendered first paint. */
export function useMembers(initial: MemberDto[]) {
  const { org } = useDashboard();
  return useQuery({
    queryKey: queryKeys.members(org.slug),
    queryFn: ({ signal }) => fetchAllPages<Page<MemberDto>>(`/api/v1/orgs/${encodeURIComponent(org.slug)}/members`, { signal }).then((r) => r.data),
    initialData: initial,
  });
}

/**
 * Role changes and removals show at once and roll back if the server refuses. A change
 * to the caller's own role also re-renders the server layout, whose role drives the UI.
 */
export function useMemberMutations() {
  const { org, user } = useDashboard();
  const queryClient = useQueryClient();
  const router = useRouter();
  const withReauth = useReauth();
  const key = queryKeys.members(org.slug);
  const base = `/api/v1/orgs/${encodeURIComponent(org.slug)}`;

  async function optimistically(fn: (members: MemberDto[]) => MemberDto[]) {
    await queryClient.cancelQueries({ queryKey: key });
    const previous = queryClient.getQueryData<MemberDto[]>(key);
    if (previous) queryClient.setQueryData<MemberDto[]>(key, fn(previous));
    return { previous };
  }

  const rollback = (context: { previous?: MemberDto[] } | undefined) => {
    if (context?.previous) queryClient.setQueryData(key, context.previous);
  };
  const settle = () => queryClient.invalidateQueries({ queryKey: key });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: MemberDto; role: Role }) =>
      fetchJson<MemberDto>(`${base}/members/${encodeURIComponent(member.userId)}`, { method: "PATCH", body: { role } }),
    onMutate: ({ member, role }) => optimistically((list) => list.map((m) => (m.userId === member.userId ? { ...m, role } : m))),
    onSuccess: (updated, { member }) => {
      toast.success(member.userId === user.id ? `You are now ${article(updated.role)}` : `${displayName(member)} is now ${article(updated.role)}`);
      if (member.userId === user.id) router.refresh();
    },
    onError: (error, { member }, context) => {
      rollback(context);
      toast.error(`Couldn't change ${displayName(member)}'s role`, { description: errorMessage(error) });
    },
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (member: MemberDto) => fetchJson<void>(`${base}/members/${encodeURIComponent(member.userId)}`, { method: "DELETE" }),
    onMutate: (member) => optimistically((list) => list.filter((m) => m.userId !== member.userId)),
    onSuccess: (_data, member) => toast.success(`Removed ${displayName(member)} from ${org.name}`),
    onError: (error, member, context) => {
      rollback(context);
      toast.error(`Couldn't remove ${displayName(member)}`, { description: errorMessage(error) });
    },
    onSettled: settle,
  });

  // Not optimistic: it is confirmed in a dialog that stays open until the server answers.
  const transfer = useMutation({
    mutationFn: (member: MemberDto) =>
      withReauth(() => fetchJson<{ data: MemberDto[] }>(`${base}/transfer-ownership`, { method: "POST", body: { userId: member.userId } })),
    onSuccess: ({ data }, member) => {
      queryClient.setQueryData(key, data);
      toast.success(`${displayName(member)} is now an owner of ${org.name}`, { description: "You are an admin now." });
      router.refresh();
    },
  });

  return { changeRole, remove, transfer };
}

const article = (role: Role) => `${role === "owner" || role === "admin" ? "an" : "a"} ${roleLabel(role).toLowerCase()}`;
