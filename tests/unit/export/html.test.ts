import { describe, expect, it } from 'vitest';
import { htmlReport } from '../../../src-main/lab/export/html-report.js';
import { lessonById } from '../../../src-main/lab/lessons/index.js';
import { englishRuns, htmlText } from '../cli/english-check.js';
import { interventionRun } from './fixture.js';

describe('HTML report', () => {
  const lesson = lessonById('three-way-handshake')!;
  const input = { ...interventionRun(), lesson: { id: lesson.id, narrative: lesson.lesson.narrative }, meta: { seed: 7, profile: 'linux', untilMs: 30000, branch: 'main' } };

  it('is one offline file: no URL, no script, no external reference of any kind', () => {
    const html = htmlReport(input, { lang: 'en', bothLanguages: true });
    expect(html).not.toMatch(/https?:|\/\/[a-z]|\bsrc=|\bhref=|<script|<link|@import|url\((?!#)/i);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.match(/<svg /g)).toHaveLength(2);
  });

  it('has the lesson text in both languages, the interventions, the branches, packets and events', () => {
    const html = htmlReport(input, { lang: 'zh-CN', bothLanguages: true });
    expect(html).toContain(`<section lang="zh-CN"><h2>课程: `);
    expect(html).toContain(`<section lang="en"><h2>Lesson: `);
    expect(html).toContain(lesson.lesson.narrative['zh-CN'].question.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'));
    // The report's own words follow its language (zh-CN here); the English ones are checked below in en.
    expect(html).toContain('5 毫秒：扣留报文 #1');
    expect(html).toMatch(/16005 毫秒：复制报文 #\d+ ×2/);
    expect(html).toContain('被用户扣留 3000 毫秒；于 3015 毫秒送达');
    const en = htmlReport(input, { lang: 'en', bothLanguages: true });
    expect(en).toContain('at 5 ms: hold packet #1');
    expect(en).toContain('at 3005 ms: release packet #1');
    expect(en).toMatch(/at 16005 ms: duplicate packet #\d+ ×2/);
    expect(en).toContain('held 3000 ms by the user; delivered at 3015 ms');
    expect((html.match(/<tr>/g) ?? []).length).toBe(1 + input.branches.length + 1 + input.packets.length + 1 + input.trace.length);
  });

  it('in zh-CN says everything in Chinese: headings, hosts, interventions, packet stories, event details, ladder', () => {
    const html = htmlReport(input, { lang: 'zh-CN', bothLanguages: true });
    expect(html).toContain('<dt>主机</dt><dd>A 10.0.0.1, B 10.0.0.2</dd>');
    expect(html).toContain('5 毫秒：扣留报文 #1');
    expect(html).toContain('3005 毫秒：放行报文 #1');
    expect(html).toContain('被用户扣留 3000 毫秒；于 3015 毫秒送达');
    expect(html).toContain('>路由器<');
    const english = htmlText(html).flatMap((line) => englishRuns(line, [input.title.en]).map((run) => `${run}   <<< ${line}`));
    expect(english).toEqual([]);
  });

  it('escapes every piece of text', () => {
    const html = htmlReport(input, { lang: 'en' });
    expect(html).toContain('<h1>Export &lt;fixture&gt; &amp; &quot;friends&quot;</h1>');
    expect(html).not.toContain('<fixture>');
    expect(html).not.toContain('<section lang="zh-CN">');
  });

  it('caps long tables and says so', () => {
    const html = htmlReport(input, { lang: 'en', maxEvents: 10, maxPackets: 3 });
    expect(html).toContain(`the first 10 of ${input.trace.length} events`);
    expect(html).toContain(`the first 3 of ${input.packets.length} packets`);
  });
});
