/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The origin of a population figure. */
export type PopulationSource =
  /** An approximate figure, rounded to hundreds, shipped as demo data: not an official statistic. */
  | 'DEMO_APPROXIMATION'
  /** Imported from Statistics Norway's table 01222 (population per quarter). */
  | 'SSB';

export type RegionsOverviewQueryVariables = Exact<{ [key: string]: never; }>;


export type RegionsOverviewQuery = { regions: Array<{ id: string, name: string, contractMunicipality: { number: string, name: string }, municipalities: Array<{ number: string, name: string, population: number | null, populationSource: PopulationSource | null }> }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const RegionsOverviewDocument = new TypedDocumentString(`
    query RegionsOverview {
  regions {
    id
    name
    contractMunicipality {
      number
      name
    }
    municipalities {
      number
      name
      population
      populationSource
    }
  }
}
    `) as unknown as TypedDocumentString<RegionsOverviewQuery, RegionsOverviewQueryVariables>;