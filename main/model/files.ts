/** A file main wrote for the operator: where it is, said only once it is really there. */
export type SavedFile = { saved: true; path: string; fileName: string; folder: string } | { saved: false };
