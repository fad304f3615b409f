// A camera photo made ready for the outbox: JPEG or PNG only, and a large one is scaled down to
// 2048 px and re-encoded on the phone, so that it fits the limit and goes through a weak
// connection at dusk. The server re-encodes it again and strips all metadata in any case.

export const MAX_BYTES = 10 * 1024 * 1024;
const MAX_SIDE = 2048;
const TYPES = ['image/jpeg', 'image/png'];

function scaled(bitmap) {
  const ratio = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * ratio));
  canvas.height = Math.max(1, Math.round(bitmap.height * ratio));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
}

/**
 * The Blob to keep for a chosen file, or throws Error('type' | 'size'). A file that cannot be
 * decoded here is kept as it is (the server decides), as long as it is small enough.
 */
export async function preparePhoto(file) {
  if (!TYPES.includes(file.type)) throw new Error('type');
  if (file.size > 1.5 * 1024 * 1024 && window.createImageBitmap) {
    try {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      const blob = await scaled(bitmap);
      bitmap.close?.();
      if (blob && blob.size < file.size) return { blob, name: 'photo.jpg' };
    } catch {
      // keep the original
    }
  }
  if (file.size > MAX_BYTES) throw new Error('size');
  return { blob: file, name: file.type === 'image/png' ? 'photo.png' : 'photo.jpg' };
}
