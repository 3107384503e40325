// The photos of a matter's form (我要说事, 办理): up to nine, picked and uploaded one after another
// under the form's client key; a failed upload says why and keeps those already added.
import { showError } from '../../services/cloud';
import { chooseImages, uploadPhotos, type UploadedPhoto } from '../../services/upload';

const MAX_PHOTOS = 9;

export interface PhotoData {
  photos: UploadedPhoto[];
  photoSeq: number;
  uploading: boolean;
  clientKey: string;
}

interface PhotoHost {
  data: PhotoData;
  setData(data: Partial<PhotoData>): void;
}

/** Lets the person pick photos (as many as are still allowed) and uploads them. */
export async function addPhotos(page: PhotoHost): Promise<void> {
  const left = MAX_PHOTOS - page.data.photos.length;
  if (page.data.uploading || left <= 0) return;
  try {
    const paths = await chooseImages(left);
    if (!paths.length) return;
    page.setData({ uploading: true });
    const { photos, seq } = await uploadPhotos(paths, 'matters', page.data.clientKey, page.data.photoSeq);
    page.setData({ photos: [...page.data.photos, ...photos], photoSeq: seq, uploading: false });
  } catch (e) {
    page.setData({ uploading: false });
    showError(e);
  }
}

export function removePhoto(page: PhotoHost, index: number): void {
  page.setData({ photos: page.data.photos.filter((_p, j) => j !== index) });
}
