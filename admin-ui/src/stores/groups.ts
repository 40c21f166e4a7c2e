// The groups store: the coordination group (§5.1) and the professional group (§4) with every
// membership there has been, and adding, ending and changing memberships (never deleting them).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import { useLatestRequest } from '../composables/useLatestRequest';
import { request, toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type {
  CoordinationMemberInput,
  GroupsHistoryQuery,
  ProfessionalGroupMemberInput,
} from '../graphql/generated/graphql';
import { type PartnerActionError, toPartnerActionError } from './partnerErrors';
import type { LoadError } from './regions';

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
export type { LoadError };

/** What went wrong changing a membership, and which action on which group and membership it was. */
export interface GroupActionError extends PartnerActionError {
  group: GroupName;
  action: 'add' | 'end' | 'changeRole';
  /** The membership ended or changed; null when adding. */
  memberId: string | null;
}

export const useGroupsStore = defineStore('groups', () => {
  const coordination = ref<CoordinationMembership[]>([]);
  const professional = ref<ProfessionalMembership[]>([]);
  const regions = ref<GroupRegion[]>([]);
  /** True once an answer has come: an empty list then means there are none. */
  const loaded = ref(false);
  const saving = ref(false);
  const actionError = ref<GroupActionError | null>(null);
  const { loading, error, run } = useLatestRequest();

  async function load(): Promise<void> {
    await run(() => request(GroupsHistoryDocument), {
      onData: (data) => {
        coordination.value = data.coordinationGroupHistory;
        professional.value = data.professionalGroupHistory;
        regions.value = data.regions;
        loaded.value = true;
      },
      onError: () => {
        coordination.value = [];
        professional.value = [];
        loaded.value = false;
      },
    });
  }

  /** Sends one change; reloads the history after it (a change of role adds a row), or keeps the reason. */
  async function change(
    group: GroupName,
    action: GroupActionError['action'],
    memberId: string | null,
    send: () => Promise<unknown>,
  ): Promise<boolean> {
    saving.value = true;
    actionError.value = null;
    try {
      await send();
    } catch (caught) {
      actionError.value = { group, action, memberId, ...toPartnerActionError(toRequestError(caught)) };
      return false;
    } finally {
      saving.value = false;
    }
    await load();
    return true;
  }

  function addCoordinationMember(input: CoordinationMemberInput): Promise<boolean> {
    return change('coordination', 'add', null, () => request(AddCoordinationMemberDocument, { input }));
  }

  function addProfessionalGroupMember(input: ProfessionalGroupMemberInput): Promise<boolean> {
    return change('professional', 'add', null, () => request(AddProfessionalGroupMemberDocument, { input }));
  }

  /** Ends a membership on `validTo` (its last day). */
  function endMembership(group: GroupName, id: string, validTo: string): Promise<boolean> {
    return change(group, 'end', id, () =>
      group === 'coordination'
        ? request(EndCoordinationMembershipDocument, { id, validTo })
        : request(EndProfessionalGroupMembershipDocument, { id, validTo }),
    );
  }

  /** Gives a coordination group member a new role from `from`: the old membership ends the day before. */
  function changeCoordinationRole(id: string, role: string | null, from: string): Promise<boolean> {
    return change('coordination', 'changeRole', id, () =>
      request(ChangeCoordinationMemberRoleDocument, { id, role, from }),
    );
  }

  function clearActionError(): void {
    actionError.value = null;
  }

  return {
    coordination,
    professional,
    regions,
    loaded,
    loading,
    error,
    saving,
    actionError,
    load,
    addCoordinationMember,
    addProfessionalGroupMember,
    endMembership,
    changeCoordinationRole,
    clearActionError,
  };
});
