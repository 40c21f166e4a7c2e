// The groups through the query layer: the coordination group (§5.1) and the professional group (§4) with every
// membership there has been, and adding, ending and changing memberships (never deleting them). A change marks the
// answers stale, so the history on screen is asked again (a change of role adds a row).
import { computed, ref } from 'vue';
import { type FormActionError, toFormActionError } from '../composables/fieldErrors';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  CoordinationMemberInput,
  GroupsHistoryQuery,
  ProfessionalGroupMemberInput,
} from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const GroupsHistoryDocument = graphql(`
  query GroupsHistory {
    coordinationGroupHistory {
      id
      name
      organisationId
      organisationName
      role
      validFrom
      validTo
    }
    professionalGroupHistory {
      id
      name
      organisationId
      organisationName
      region {
        id
        name
      }
      role
      validFrom
      validTo
    }
    regions {
      id
      name
    }
  }
`);

export const AddCoordinationMemberDocument = graphql(`
  mutation AddCoordinationMember($input: CoordinationMemberInput!) {
    addCoordinationMember(input: $input) {
      id
    }
  }
`);

export const EndCoordinationMembershipDocument = graphql(`
  mutation EndCoordinationMembership($id: ID!, $validTo: Date!) {
    endCoordinationMembership(id: $id, validTo: $validTo) {
      id
      validTo
    }
  }
`);

export const ChangeCoordinationMemberRoleDocument = graphql(`
  mutation ChangeCoordinationMemberRole($id: ID!, $role: String, $from: Date!) {
    changeCoordinationMemberRole(id: $id, role: $role, from: $from) {
      id
    }
  }
`);

export const AddProfessionalGroupMemberDocument = graphql(`
  mutation AddProfessionalGroupMember($input: ProfessionalGroupMemberInput!) {
    addProfessionalGroupMember(input: $input) {
      id
    }
  }
`);

export const EndProfessionalGroupMembershipDocument = graphql(`
  mutation EndProfessionalGroupMembership($id: ID!, $validTo: Date!) {
    endProfessionalGroupMembership(id: $id, validTo: $validTo) {
      id
      validTo
    }
  }
`);

export type CoordinationMembership = GroupsHistoryQuery['coordinationGroupHistory'][number];
export type ProfessionalMembership = GroupsHistoryQuery['professionalGroupHistory'][number];
export type GroupRegion = GroupsHistoryQuery['regions'][number];
export type GroupName = 'coordination' | 'professional';
/** What went wrong changing a membership, and which action on which group and membership it was. */
export interface GroupActionError extends FormActionError {
  group: GroupName;
  action: 'add' | 'end' | 'changeRole';
  /** The membership ended or changed; null when adding. */
  memberId: string | null;
}

/** Both groups' history and the regions a professional group member may be of. */
export function useGroupsHistory() {
  const query = useGraphQLQuery(GroupsHistoryDocument, {});
  return {
    coordination: computed<CoordinationMembership[]>(() => query.data.value?.coordinationGroupHistory ?? []),
    professional: computed<ProfessionalMembership[]>(() => query.data.value?.professionalGroupHistory ?? []),
    regions: computed<GroupRegion[]>(() => query.data.value?.regions ?? []),
    /** True once an answer has come: an empty list then means there are none. */
    loaded: computed(() => query.data.value !== undefined),
    loading: query.loading,
    error: query.error,
    refetch: query.refetch,
  };
}

/** The changes to memberships: each resolves to true once done, or false with the reason in `actionError`. */
export function useGroupActions() {
  const addCoordination = useGraphQLMutation(AddCoordinationMemberDocument);
  const addProfessional = useGraphQLMutation(AddProfessionalGroupMemberDocument);
  const endCoordination = useGraphQLMutation(EndCoordinationMembershipDocument);
  const endProfessional = useGraphQLMutation(EndProfessionalGroupMembershipDocument);
  const changeRole = useGraphQLMutation(ChangeCoordinationMemberRoleDocument);
  const actionError = ref<GroupActionError | null>(null);
  const saving = computed(() =>
    [addCoordination, addProfessional, endCoordination, endProfessional, changeRole].some(
      (mutation) => mutation.running.value,
    ),
  );

  async function change(
    group: GroupName,
    action: GroupActionError['action'],
    memberId: string | null,
    send: () => Promise<unknown>,
  ): Promise<boolean> {
    actionError.value = null;
    try {
      await send();
      return true;
    } catch (caught) {
      actionError.value = { group, action, memberId, ...toFormActionError(toRequestError(caught)) };
      return false;
    }
  }

  return {
    saving,
    actionError,
    addCoordinationMember: (input: CoordinationMemberInput) =>
      change('coordination', 'add', null, () => addCoordination.run({ input })),
    addProfessionalGroupMember: (input: ProfessionalGroupMemberInput) =>
      change('professional', 'add', null, () => addProfessional.run({ input })),
    /** Ends a membership on `validTo` (its last day). */
    endMembership: (group: GroupName, id: string, validTo: string) =>
      change(group, 'end', id, () =>
        group === 'coordination' ? endCoordination.run({ id, validTo }) : endProfessional.run({ id, validTo }),
      ),
    /** Gives a coordination group member a new role from `from`: the old membership ends the day before. */
    changeCoordinationRole: (id: string, role: string | null, from: string) =>
      change('coordination', 'changeRole', id, () => changeRole.run({ id, role, from })),
    clearActionError: () => {
      actionError.value = null;
    },
  };
}
