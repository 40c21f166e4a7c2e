// Access administration through the query layer: a page of the role assignments (ended ones too on request), the
// regions for the assign form, and assigning and ending roles (which mark the answers stale, so the page is asked
// again).
import { computed, type MaybeRefOrGetter, toValue } from 'vue';
import type { FormActionError } from '../composables/fieldErrors';
import { graphql } from '../graphql/generated';
import type { AccessRegionsQuery, AssignRoleInput, RoleAssignmentsQuery } from '../graphql/generated/graphql';
import { useGraphQLQuery } from '../graphql/queries';
import { useFormActions } from './formAction';

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

/** What went wrong giving or ending a role. */
export interface AccessActionError extends FormActionError {
  action: 'assign' | 'end';
  /** The assignment an end was for; null for an assign. */
  assignmentId: string | null;
}

/** Assignments per page. */
export const accessPageSize = 25;

/** The page of assignments from `offset`; the page on screen stays while another loads (`shown` says which). */
export function useRoleAssignments(includeEnded: MaybeRefOrGetter<boolean>, offset: MaybeRefOrGetter<number>) {
  const query = useGraphQLQuery(
    RoleAssignmentsDocument,
    () => ({ includeEnded: toValue(includeEnded), offset: toValue(offset), first: accessPageSize }),
    { keepPrevious: true },
  );
  return {
    assignments: computed<RoleAssignmentItem[]>(() => query.data.value?.roleAssignments.items ?? []),
    totalCount: computed(() => query.data.value?.roleAssignments.totalCount ?? 0),
    /** Whether ended assignments and which offset the page on screen is for. */
    shown: computed(() => ({
      includeEnded: query.shownVariables.value?.includeEnded ?? toValue(includeEnded),
      offset: query.shownVariables.value?.offset ?? toValue(offset),
    })),
    loading: query.loading,
    error: query.error,
  };
}

/** The regions for the assign form; a failure leaves the list empty (the form then cannot offer regions). */
export function useAccessRegions() {
  const query = useGraphQLQuery(AccessRegionsDocument, {});
  return computed<AccessRegion[]>(() => query.data.value?.regions ?? []);
}

/** Assigning and ending roles: each resolves to whether it worked, the reason in `actionError`. */
export function useAccessActions() {
  const actions = useFormActions<AccessActionError['action'], Pick<AccessActionError, 'assignmentId'>>();
  const assign = actions.define('assign', AssignRoleDocument);
  const end = actions.define('end', EndRoleAssignmentDocument);
  return {
    saving: actions.saving,
    actionError: actions.failure,
    /** Gives a person a role (ending any role they held). */
    assign: (input: AssignRoleInput) => assign({ assignmentId: null }, { input }),
    /** Ends an assignment with the reason, which the history keeps. */
    end: (id: string, reason: string) => end({ assignmentId: id }, { input: { id, reason } }),
    clearActionError: actions.clearFailure,
  };
}
