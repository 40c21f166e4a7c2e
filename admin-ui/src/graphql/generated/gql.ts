/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query CoordinationOverview($year: Int!) {\n    regions {\n      id\n      name\n      contractMunicipality {\n        number\n        name\n      }\n      municipalities {\n        number\n        name\n        population\n      }\n      agreement {\n        id\n        status\n        validFrom\n        validTo\n      }\n      funding(year: $year) {\n        countyAmount\n        municipalAmount\n        total\n      }\n      payments(year: $year) {\n        instalment\n        dueDate\n        amount\n        status\n      }\n      submissions(year: $year) {\n        kind\n        coversYear\n        dueDate\n        status\n        late\n      }\n      statistics(year: $year) {\n        newClients\n        clientsWithImmigrantBackground\n        immigrantBackgroundShare\n        counsellingHours\n        coursesHeld\n        courseParticipants\n        businessesStarted\n        suppressed\n      }\n      referrals(year: $year) {\n        toInnovasjonNorge\n        toNav\n        fromNav\n        suppressed\n      }\n    }\n    gatherings(year: $year) {\n      id\n      title\n      date\n      attendeeCount\n    }\n  }\n": typeof types.CoordinationOverviewDocument,
    "\n  query RegionsOverview {\n    regions {\n      id\n      name\n      contractMunicipality {\n        number\n        name\n      }\n      municipalities {\n        number\n        name\n        population\n        populationSource\n      }\n    }\n  }\n": typeof types.RegionsOverviewDocument,
};
const documents: Documents = {
    "\n  query CoordinationOverview($year: Int!) {\n    regions {\n      id\n      name\n      contractMunicipality {\n        number\n        name\n      }\n      municipalities {\n        number\n        name\n        population\n      }\n      agreement {\n        id\n        status\n        validFrom\n        validTo\n      }\n      funding(year: $year) {\n        countyAmount\n        municipalAmount\n        total\n      }\n      payments(year: $year) {\n        instalment\n        dueDate\n        amount\n        status\n      }\n      submissions(year: $year) {\n        kind\n        coversYear\n        dueDate\n        status\n        late\n      }\n      statistics(year: $year) {\n        newClients\n        clientsWithImmigrantBackground\n        immigrantBackgroundShare\n        counsellingHours\n        coursesHeld\n        courseParticipants\n        businessesStarted\n        suppressed\n      }\n      referrals(year: $year) {\n        toInnovasjonNorge\n        toNav\n        fromNav\n        suppressed\n      }\n    }\n    gatherings(year: $year) {\n      id\n      title\n      date\n      attendeeCount\n    }\n  }\n": types.CoordinationOverviewDocument,
    "\n  query RegionsOverview {\n    regions {\n      id\n      name\n      contractMunicipality {\n        number\n        name\n      }\n      municipalities {\n        number\n        name\n        population\n        populationSource\n      }\n    }\n  }\n": types.RegionsOverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordinationOverview($year: Int!) {\n    regions {\n      id\n      name\n      contractMunicipality {\n        number\n        name\n      }\n      municipalities {\n        number\n        name\n        population\n      }\n      agreement {\n        id\n        status\n        validFrom\n        validTo\n      }\n      funding(year: $year) {\n        countyAmount\n        municipalAmount\n        total\n      }\n      payments(year: $year) {\n        instalment\n        dueDate\n        amount\n        status\n      }\n      submissions(year: $year) {\n        kind\n        coversYear\n        dueDate\n        status\n        late\n      }\n      statistics(year: $year) {\n        newClients\n        clientsWithImmigrantBackground\n        immigrantBackgroundShare\n        counsellingHours\n        coursesHeld\n        courseParticipants\n        businessesStarted\n        suppressed\n      }\n      referrals(year: $year) {\n        toInnovasjonNorge\n        toNav\n        fromNav\n        suppressed\n      }\n    }\n    gatherings(year: $year) {\n      id\n      title\n      date\n      attendeeCount\n    }\n  }\n"): typeof import('./graphql').CoordinationOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RegionsOverview {\n    regions {\n      id\n      name\n      contractMunicipality {\n        number\n        name\n      }\n      municipalities {\n        number\n        name\n        population\n        populationSource\n      }\n    }\n  }\n"): typeof import('./graphql').RegionsOverviewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
