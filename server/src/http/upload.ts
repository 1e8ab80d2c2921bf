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
      return error;
  }
}
