import { AppError, fieldError } from './problem.js';

/** The multipart plugin's own errors, as the problems the API promises. */
export function uploadProblem(error: unknown, maxBytes: number): unknown {
  switch ((error as { code?: string }).code) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new AppError(413, 'payload_too_large', `A file may be at most ${maxBytes / 1024 / 1024} MB.`);
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return fieldError(400, 'validation_failed', 'file', 'Send one file, nothing more.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new AppError(415, 'unsupported_media_type', 'Send the file as multipart/form-data.');
    default:
      // The multipart parser throws plain errors for a form it cannot read: a missing boundary, a body cut off.
      if (error instanceof Error && !(error instanceof AppError) && /multipart|boundary/i.test(error.message))
        return fieldError(400, 'validation_failed', 'file', 'The upload is not a complete multipart form; send the file again.');
      return error;
  }
}
