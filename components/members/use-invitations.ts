"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "@/components/ui/toast";
import { fetchAllPages } from "@/lib/api/fetch-all-pages";
import { fetchJson } from "@/lib/api/fetch-json";
import type { InvitationCreateInput, InvitationDto, InvitationList } from "@/lib/invitations/schemas";
import { queryKeys } from "@/lib/query-keys";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { errorMessage } from "@/components/forms/field-errors";

/** Pending invitations and seat usage, seeded with the server-rendered first paint. */
export function useInvitations(initial: InvitationList) {
  const { org } = useDashboard();
  return useQuery({
    queryKey: queryKeys.invitations(org.slug),
    queryFn: ({ signal }) => fetchAllPages<InvitationList>(`/api/v1/orgs/${encodeURIComponent(org.slug)}/invitations`, { signal }),
    initialData: initial,
  });
}

export function useInvitationMutations() {
  const { org } = useDashboard();
  const queryClient = useQueryClient();
  const key = queryKeys.invitations(org.slug);
  const base = `/api/v1/orgs/${encodeURIComponent(org.slug)}/invitations`;
  // Invitations hold seats, which the plan-limit banner counts.
  const settle = () => Promise.all([queryClient.invalidateQueries({ queryKey: key }), queryClient.invalidateQueries({ queryKey: queryKeys.usage(org.slug) })]);
  const mapList = (fn: (list: InvitationDto[]) => InvitationDto[]) =>
    queryClient.setQueryData<InvitationList>(key, (current) => current && { ...current, data: fn(current.data) });

  // Not optimistic: addresses are often refused (already a member, no seats left), and
  // the dialog shows why next to each one.
  const invite = useMutation({
    mutationFn: (input: InvitationCreateInput) => fetchJson<{ data: InvitationDto[] }>(base, { method: "POST", body: input }),
    onSuccess: ({ data }) => {
      mapList((list) => [...data, ...list]);
      toast.success(data.length === 1 ? `Invited ${data[0]?.email}` : `Invited ${data.length} people`, {
        description: "They will get an email with a link to join.",
      });
    },
    onSettled: settle,
  });

  const resend = useMutation({
    mutationFn: (invitation: InvitationDto) => fetchJson<InvitationDto>(`${base}/${encodeURIComponent(invitation.id)}/resend`, { method: "POST" }),
    onSuccess: (updated) => {
      mapList((list) => list.map((i) => (i.id === updated.id ? updated : i)));
      toast.success(`Sent a new invitation to ${updated.email}`, { description: "The previous link no longer works." });
    },
    onError: (error, invitation) => toast.error(`Couldn't resend to ${invitation.email}`, { description: errorMessage(error) }),
    onSettled: settle,
  });

  const revoke = useMutation({
    mutationFn: (invitation: InvitationDto) => fetchJson<void>(`${base}/${encodeURIComponent(invitation.id)}`, { method: "DELETE" }),
    onMutate: async (invitation) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<InvitationList>(key);
      mapList((list) => list.filter((i) => i.id !== invitation.id));
      return { previous };
    },
    onSuccess: (_data, invitation) => toast.success(`Revoked the invitation to ${invitation.email}`),
    onError: (error, invitation, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      toast.error(`Couldn't revoke the invitation to ${invitation.email}`, { description: errorMessage(error) });
    },
    onSettled: settle,
  });

  return { invite, resend, revoke };
}
