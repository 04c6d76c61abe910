// Labels every lab image carries (besides the lab label itself).
export { IMAGE_HASH_LABEL, LAB_LABEL } from '../engine/labels.ts';
/** The catalogue name of the image. */
export const IMAGE_LABEL = 'io.kubelab.image';
