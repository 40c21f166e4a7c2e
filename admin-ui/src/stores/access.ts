// The access store: the role assignments the caller administers (active, or with the history), a page at a time,
// the regions to assign in, and giving and ending roles.
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { AccessRegionsQuery, AssignRoleInput, RoleAssignmentsQuery } from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';

export const RoleAssignmentsDocument = graphql(`
  query RoleAssignments($includeEnded: Boolean!, $first: Int!, $offset: Int!) {
    roleAssignments(includeEnded: $includeEnded, first: $first, offset: $offset) {
      totalCount
      items {
        id
        email
        personName
        role
        organisation {
          id
          kind
          name
        }
        regionId
        municipalityNumber
        assignedAt
        assignedBy
        endedAt
        endedBy
        endReason
        lastSignInAt
      }
    }
  }
`);

// The regions (with their municipalities) an adviser or a municipality officer is given a role in.
export const AccessRegionsDocument = graphql(`
  query AccessRegions {
    regions {
      id
      name
      municipalities {
        number
        name
      }
    }
  }
`);

export const AssignRoleDocument = graphql(`
  mutation AssignRole($input: AssignRoleInput!) {
    assignRole(input: $input) {
      id
      email
      role
    }
  }
`);

export const EndRoleAssignmentDocument = graphql(`
  mutation EndRoleAssignment($input: EndRoleAssignmentInput!) {
    endRoleAssignment(input: $input) {
      id
      endedAt
    }
  }
`);

export type RoleAssignmentItem = RoleAssignmentsQuery['roleAssignments']['items'][number];
export type AccessRegion = AccessRegionsQuery['regions'][number];

/** What went wrong giving or ending a role; plain data, so the store state stays serialisable. */
export interface AccessActionError extends PartnerActionError {
  action: 'assign' | 'end';
  /** The assignment an end was for; null for an assign. */
  assignmentId: string | null;
}

/** Assignments per page. */
export const accessPageSize = 25;

export const useAccessStore = defineStore('access', () => {
  const assignments = ref<RoleAssignmentItem[]>([]);
  const totalCount = ref(0);
  const includeEnded = ref(false);
  const offset = ref(0);
  const regions = ref<AccessRegion[]>([]);
  const saving = ref(false);
  const actionError = ref<AccessActionError | null>(null);

  // Flipping the history switch or paging quickly overlaps requests; only the newest may write.
  const { loading, error, run } = useLatestRequest();

  /** Loads a page; the switch and the offset stay as given until the next load. */
  async function load(options: { includeEnded?: boolean; offset?: number } = {}): Promise<void> {
    const wanted = { includeEnded: options.includeEnded ?? includeEnded.value, offset: options.offset ?? offset.value };
    await run(() => request(RoleAssignmentsDocument, { ...wanted, first: accessPageSize }), {
      onData: (data) => {
        assignments.value = data.roleAssignments.items;
        totalCount.value = data.roleAssignments.totalCount;
        includeEnded.value = wanted.includeEnded;
        offset.value = wanted.offset;
      },
      onError: () => {
        assignments.value = [];
        totalCount.value = 0;
      },
    });
  }

  /** Loads the regions for the assign form; a failure leaves the list empty (the form then cannot offer regions). */
  async function loadRegions(): Promise<void> {
    try {
      regions.value = (await request(AccessRegionsDocument)).regions;
    } catch {
      regions.value = [];
    }
  }

  async function act(
    action: AccessActionError['action'],
    assignmentId: string | null,
    send: () => Promise<unknown>,
  ): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      actionError.value = { action, assignmentId, ...toPartnerActionError(toRequestError(caught)) };
      return false;
    } finally {
      saving.value = false;
    }
    await load();
    return true;
  }

  /** Gives a person a role (ending any role they held); resolves to whether it worked, the reason in `actionError`. */
  function assign(input: AssignRoleInput): Promise<boolean> {
    return act('assign', null, () => request(AssignRoleDocument, { input }));
  }

  /** Ends an assignment with the reason, which the history keeps. */
  function end(id: string, reason: string): Promise<boolean> {
    return act('end', id, () => request(EndRoleAssignmentDocument, { input: { id, reason } }));
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    assignments,
    totalCount,
    includeEnded,
    offset,
    regions,
    loading,
    error,
    saving,
    actionError,
    load,
    loadRegions,
    assign,
    end,
    clearActionError,
  };
});
