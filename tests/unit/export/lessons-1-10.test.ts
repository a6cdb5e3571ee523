import { describe } from 'vitest';
import { lessonExportTests } from './lessons-export.js';

describe('lessons 1-10 export to every format', () => lessonExportTests(1, 10));
