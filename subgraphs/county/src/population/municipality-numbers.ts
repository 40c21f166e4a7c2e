// Viken's municipality numbers (2020–2023) and the numbers they got on 2024-01-01, when Viken
// became Østfold (31xx), Akershus (32xx) and Buskerud (33xx): the county stores a figure under
// the number valid on the figure's date, and finds it by either number.
// Source: SSB's classification of municipalities (KLASS 131), changes as of 2024-01-01.

/** The day the new numbers took effect. */
export const renumberedOn = '2024-01-01';

/** Viken's number → the number from 2024-01-01 (Jevnaker and Lunner went to Akershus). */
const newNumberOf: Readonly<Record<string, string>> = {
  // Østfold
  '3001': '3101', // Halden
  '3002': '3103', // Moss
  '3003': '3105', // Sarpsborg
  '3004': '3107', // Fredrikstad
  '3011': '3110', // Hvaler
  '3012': '3124', // Aremark
  '3013': '3122', // Marker
  '3014': '3118', // Indre Østfold
  '3015': '3116', // Skiptvet
  '3016': '3120', // Rakkestad
  '3017': '3112', // Råde
  '3018': '3114', // Våler
  // Akershus
  '3019': '3216', // Vestby
  '3020': '3207', // Nordre Follo
  '3021': '3218', // Ås
  '3022': '3214', // Frogn
  '3023': '3212', // Nesodden
  '3024': '3201', // Bærum
  '3025': '3203', // Asker
  '3026': '3226', // Aurskog-Høland
  '3027': '3224', // Rælingen
  '3028': '3220', // Enebakk
  '3029': '3222', // Lørenskog
  '3030': '3205', // Lillestrøm
  '3031': '3232', // Nittedal
  '3032': '3230', // Gjerdrum
  '3033': '3209', // Ullensaker
  '3034': '3228', // Nes
  '3035': '3240', // Eidsvoll
  '3036': '3238', // Nannestad
  '3037': '3242', // Hurdal
  '3053': '3236', // Jevnaker
  '3054': '3234', // Lunner
  // Buskerud
  '3005': '3301', // Drammen
  '3006': '3303', // Kongsberg
  '3007': '3305', // Ringerike
  '3038': '3310', // Hole
  '3039': '3320', // Flå
  '3040': '3322', // Nesbyen
  '3041': '3324', // Gol
  '3042': '3326', // Hemsedal
  '3043': '3328', // Ål
  '3044': '3330', // Hol
  '3045': '3332', // Sigdal
  '3046': '3318', // Krødsherad
  '3047': '3316', // Modum
  '3048': '3314', // Øvre Eiker
  '3049': '3312', // Lier
  '3050': '3334', // Flesberg
  '3051': '3336', // Rollag
  '3052': '3338', // Nore og Uvdal
};

const vikenNumberOf: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(newNumberOf).map(([viken, renumbered]) => [renumbered, viken]),
);

/**
 * Each number's counterpart across 2024-01-01 (Viken's number → the new one and back), for SQL that
 * must find a figure stored under either number (funding's inhabitants).
 */
export const counterpartNumbers: Readonly<Record<string, string>> = { ...newNumberOf, ...vikenNumberOf };

/** True for a number Viken's municipalities had (2020–2023) or have had since 2024. */
export function isCountyMunicipality(number: string): boolean {
  return number in newNumberOf || number in vikenNumberOf;
}

/** The number the same municipality had on `date`: its Viken number before 2024, its new one after. */
export function numberOn(number: string, date: string): string {
  if (date < renumberedOn) return vikenNumberOf[number] ?? number;
  return newNumberOf[number] ?? number;
}

/** Every number the municipality has had: the one given and its counterpart across 2024-01-01. */
export function numbersOfSameMunicipality(number: string): string[] {
  const other = newNumberOf[number] ?? vikenNumberOf[number];
  return other ? [number, other] : [number];
}
