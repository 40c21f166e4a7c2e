// The population page's data through the query layer: every municipality's funding figure with its source, and
// importing a file of Statistics Norway's table 01222 (JSON-stat 2): first a preview, then the import itself, after
// which the figures on screen are asked again.
import { largestPopulationFile } from '@etablerer/county/input-limits';
import { computed, ref } from 'vue';
import type { LoadError } from '../graphql/client';
import { toRequestError } from '../graphql/client';
import { graphql } from '../graphql/generated';
import type { ImportPopulationFiguresMutation, PopulationFiguresQuery } from '../graphql/generated/graphql';
import { useGraphQLMutation, useGraphQLQuery } from '../graphql/queries';

export const PopulationFiguresDocument = graphql(`
  query PopulationFigures {
    municipalities {
      number
      name
      region {
        id
        name
      }
      populationFigure {
        date
        population
        source
        sourceTable
        sourceUpdatedAt
        importedBy
        recordedAt
      }
    }
  }
`);

export const ImportPopulationFiguresDocument = graphql(`
  mutation ImportPopulationFigures($input: ImportPopulationFiguresInput!) {
    importPopulationFigures(input: $input) {
      applied
      table
      sourceUpdatedAt
      figureCount
      dates {
        date
        figureCount
      }
      figures {
        municipalityNumber
        regionCode
        date
        population
        previousPopulation
        previousSource
      }
      skipped {
        regionCode
        label
        period
        reason
        message
      }
    }
  }
`);

export type MunicipalityFigure = PopulationFiguresQuery['municipalities'][number];
export type PopulationImport = ImportPopulationFiguresMutation['importPopulationFigures'];

/** The largest file the graph takes, in characters: the county service's own number. */
export { largestPopulationFile };

/** The gateway takes requests up to 64 kB: what the text becomes escaped inside the JSON request must fit. */
const largestEscapedFile = 60_000;

/** Every municipality's figure with its source. */
export function usePopulationFigures() {
  const query = useGraphQLQuery(PopulationFiguresDocument, {});
  return {
    municipalities: computed<MunicipalityFigure[]>(() => query.data.value?.municipalities ?? []),
    loading: query.loading,
    error: query.error,
  };
}

/**
 * The import's flow: a chosen file is previewed (nothing is written), then the same content imported. Its state is
 * the page's own, so it starts afresh each time the page opens.
 */
export function usePopulationImport() {
  const mutation = useGraphQLMutation(ImportPopulationFiguresDocument);
  /** The file chosen, kept between its preview and its import. */
  const fileName = ref<string | null>(null);
  const content = ref<string | null>(null);
  /** What the preview showed, or (applied) what the import did. */
  const result = ref<PopulationImport | null>(null);
  const working = ref<'preview' | 'import' | null>(null);
  /**
   * Why the file was refused: the graph's codes with the county service's reason for the file (`NOT_JSON`,
   * `WRONG_TABLE`, …; null when it gave none), or `TOO_LARGE` checked here before sending.
   */
  const importError = ref<(LoadError & { reason: string | null }) | null>(null);

  async function send(preview: boolean): Promise<boolean> {
    if (content.value === null) return false;
    working.value = preview ? 'preview' : 'import';
    importError.value = null;
    try {
      result.value = (await mutation.run({ input: { content: content.value, preview } })).importPopulationFigures;
      return true;
    } catch (caught) {
      const failure = toRequestError(caught);
      const reason = failure.errors.find((detail) => detail.field === 'input.content')?.reason ?? null;
      importError.value = { message: failure.message, codes: failure.codes, reason };
      result.value = null;
      return false;
    } finally {
      working.value = null;
    }
  }

  /** Takes a chosen file and previews it: nothing is written. */
  async function preview(name: string, text: string): Promise<boolean> {
    fileName.value = name;
    result.value = null;
    // The gateway takes requests up to 64 kB: the text travels escaped inside the JSON request.
    if (text.length > largestPopulationFile || JSON.stringify(text).length > largestEscapedFile) {
      content.value = null;
      importError.value = { message: 'tooLarge', codes: ['TOO_LARGE'], reason: 'TOO_LARGE' };
      return false;
    }
    content.value = text;
    return send(true);
  }

  /** Imports the previewed file; the figures on screen are asked again. */
  async function apply(): Promise<boolean> {
    const done = await send(false);
    if (done) content.value = null;
    return done;
  }

  function reset(): void {
    fileName.value = null;
    content.value = null;
    result.value = null;
    importError.value = null;
  }

  return { fileName, content, result, working, importError, preview, apply, reset };
}
