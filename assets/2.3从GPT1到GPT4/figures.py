#!/usr/bin/env python3
"""Writes the article's five figures as SVG, from the data below (see README.md; facts listed in docs/figures.md).

Standard library only. Every number drawn is in this file, with its source. Coordinates are in SVG user units on a
1200-unit-wide canvas; README.md renders them at 2x (2400 px wide) with rsvg-convert and the bundled fonts.
"""
import math
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
WIDTH = 1200

SANS = "Noto Sans SC"   # bundled: Bold only
SERIF = "Noto Serif SC"  # bundled: Regular and Bold
INK = "#1f2933"
MUTED = "#616e7c"
GRID = "#d9dee3"
ACCENT = "#1b6f8a"       # GPT-4 / highlights
SECOND = "#a3adb8"       # GPT-3.5 / secondary

# --- Data (with sources) -----------------------------------------------------------------------------------------

# The article and the papers: GPT-1 2018, GPT-2 2019, GPT-3 2020 (paper May 2020), InstructGPT/GPT-3.5 with RLHF
# 2022, GPT-4 2023-03-14 (article: "OpenAI 于 2023年3月14日推出了 GPT-4"). Evenly spaced: the releases are
# too close in time (GPT-1/GPT-2, GPT-3.5/GPT-4) for a proportional axis to leave room for their labels.
TIMELINE = [
    ("2018", "GPT-1", ["生成式预训练", "约 1.17 亿参数"]),
    ("2019", "GPT-2", ["零样本能力", "15 亿参数"]),
    ("2020", "GPT-3", ["少样本学习", "1750 亿参数"]),
    ("2022", "GPT-3.5", ["InstructGPT", "人类反馈强化学习"]),
    ("2023-03-14", "GPT-4", ["图像输入", "考试成绩提高"]),
]

# GPT-2 paper (Radford et al., 2019, "Language Models are Unsupervised Multitask Learners"), Table 3, zero-shot.
GPT2_SIZES = [(117, "1.17"), (345, "3.45"), (762, "7.62"), (1542, "15.42")]  # labels in 亿 (1 亿 = 100M)
GPT2_ACCURACY = [  # (name, values in %, colour, label placement)
    ("LAMBADA", ["45.99", "55.48", "60.12", "63.24"], "#c8553d", "above"),
    ("CBT-CN", ["87.65", "92.35", "93.45", "93.30"], "#2e86ab", "above"),
    ("CBT-NE", ["83.4", "87.1", "88.0", "89.05"], "#588157", "below"),
]
GPT2_WIKITEXT2_PPL = ["29.41", "22.76", "19.93", "18.34"]  # written as in the paper; drawn as numbers

# Parameter counts from the article: GPT-1 1.17 亿, GPT-2 15 亿, GPT-3 1750 亿.
PARAMETERS = [("GPT-1", 1.17e8, "约 1.17 亿"), ("GPT-2", 1.5e9, "15 亿"), ("GPT-3", 1.75e11, "1750 亿")]

# The article's own list of the RLHF steps (GPT-3.5 section).
RLHF_STEPS = [
    ("步骤 1", "监督微调", ["标注人员写出示范回答", "用有监督学习", "微调 GPT-3"], "有监督策略"),
    ("步骤 2", "训练奖励模型", ["标注人员为同一输入的", "多个输出排序", "训练模型预测人类偏好"], "奖励模型（RM）"),
    ("步骤 3", "PPO 强化学习", ["策略生成输出", "RM 的打分作为奖励", "用 PPO 算法优化策略"], "优化后的策略"),
]

# GPT-4 Technical Report (OpenAI, 2023), Table 1, as reported by OpenAI. LSAT: GPT-4 without vision.
EXAMS = [  # (name, detail, maximum score, GPT-4, GPT-3.5)
    ("统一律师考试", "UBE，满分 400", 400, 298, 213),
    ("SAT", "总分，满分 1600", 1600, 1410, 1260),
    ("LSAT", "满分 180", 180, 161, 149),
]

# --- Drawing ------------------------------------------------------------------------------------------------------


def text(x, y, s, size=26, family=SERIF, weight="normal", anchor="start", fill=INK, extra=""):
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-family="{family}" font-size="{size}" font-weight="{weight}" '
            f'text-anchor="{anchor}" fill="{fill}"{extra}>{escape(s)}</text>')


def line(x1, y1, x2, y2, stroke=INK, width=2, extra=""):
    return f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{stroke}" stroke-width="{width}"{extra}/>'


def svg(height, body, description):
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}">\n'
            f'<desc>{escape(description)}</desc>\n'
            f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>\n' + "\n".join(body) + "\n</svg>\n")


ARROW = ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
         f'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{MUTED}"/></marker></defs>')


def timeline():
    height = 330
    left, right, axis_y = 130, 1070, 160
    step = (right - left) / (len(TIMELINE) - 1)
    body = [ARROW, line(left - 90, axis_y, right + 100, axis_y, MUTED, 4, ' marker-end="url(#arrow)"')]
    for i, (date, name, notes) in enumerate(TIMELINE):
        x = left + i * step
        colour = ACCENT if name == "GPT-4" else INK
        body.append(f'<circle cx="{x:.1f}" cy="{axis_y}" r="15" fill="{colour}" stroke="#ffffff" stroke-width="4"/>')
        body.append(text(x, axis_y - 80, name, 40, SANS, "bold", "middle", colour))
        body.append(text(x, axis_y - 38, date, 28, SERIF, "normal", "middle", MUTED))
        for j, note in enumerate(notes):
            body.append(text(x, axis_y + 64 + j * 40, note, 27, SERIF, "normal", "middle", INK))
    return svg(height, body, "GPT 系列模型发布时间线：2018 GPT-1，2019 GPT-2，2020 GPT-3，2022 GPT-3.5，2023-03-14 GPT-4")


def gpt2_zero_shot():
    height = 690
    top, bottom = 95, 510
    panels = [(95, 640), (770, 1110)]
    log_min, log_max = math.log10(100), math.log10(1800)
    body = [ARROW]

    def x_axis(x0, x1):
        x_of = lambda size: x0 + (math.log10(size) - log_min) / (log_max - log_min) * (x1 - x0)
        out = [line(x0, bottom, x1, bottom, INK, 2)]
        for size, label in GPT2_SIZES:
            x = x_of(size)
            out.append(line(x, bottom, x, bottom + 8, INK, 2))
            out.append(text(x, bottom + 40, label, 25, SERIF, "normal", "middle", INK))
        out.append(text((x0 + x1) / 2, bottom + 84, "参数量（亿，对数坐标）", 27, SANS, "bold", "middle", MUTED))
        return x_of, out

    # Left panel: accuracy, higher is better.
    x0, x1 = panels[0]
    x_of, axis = x_axis(x0, x1)
    y_min, y_max = 40, 100
    y_of = lambda v: bottom - (v - y_min) / (y_max - y_min) * (bottom - top)
    for v in range(40, 101, 10):
        body.append(line(x0, y_of(v), x1, y_of(v), GRID, 1.5))
        body.append(text(x0 - 12, y_of(v) + 8, f"{v}", 25, SERIF, "normal", "end", MUTED))
    body += axis
    body.append(text(x0 - 70, top - 40, "准确率（%，越高越好）", 29, SANS, "bold", "start", INK))
    for name, values, colour, place in GPT2_ACCURACY:
        points = [(x_of(s), y_of(float(v))) for (s, _), v in zip(GPT2_SIZES, values)]
        body.append(f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}" fill="none" '
                    f'stroke="{colour}" stroke-width="4"/>')
        for (x, y), v in zip(points, values):
            body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}"/>')
            dy = -16 if place == "above" else 34
            body.append(text(x, y + dy, v, 24, SERIF, "normal", "middle", colour))
    # Legend in the band no line crosses, between LAMBADA (below 64 %) and CBT-NE (above 83 %).
    lx, ly = x0 + 40, y_of(73)
    for (name, _, colour, _), offset in zip(GPT2_ACCURACY, (0, 190, 360)):
        x = lx + offset
        body.append(line(x, ly, x + 30, ly, colour, 4))
        body.append(text(x + 38, ly + 8, name, 25, SANS, "bold", "start", colour))

    # Right panel: WikiText2 perplexity, lower is better.
    x0, x1 = panels[1]
    x_of, axis = x_axis(x0, x1)
    y_min, y_max = 15, 32
    y_of = lambda v: bottom - (v - y_min) / (y_max - y_min) * (bottom - top)
    for v in range(15, 33, 5):
        body.append(line(x0, y_of(v), x1, y_of(v), GRID, 1.5))
        body.append(text(x0 - 12, y_of(v) + 8, f"{v}", 25, SERIF, "normal", "end", MUTED))
    body += axis
    body.append(text(x0 - 50, top - 40, "WikiText2 困惑度（越低越好）", 29, SANS, "bold", "start", INK))
    colour = "#6a4c93"
    points = [(x_of(s), y_of(float(v))) for (s, _), v in zip(GPT2_SIZES, GPT2_WIKITEXT2_PPL)]
    body.append(f'<polyline points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in points)}" fill="none" '
                f'stroke="{colour}" stroke-width="4"/>')
    for (x, y), v in zip(points, GPT2_WIKITEXT2_PPL):
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" fill="{colour}"/>')
        # Up and to the right of each point: the falling line is below there.
        body.append(text(x + 12, y - 14, v, 24, SERIF, "normal", "start", colour))

    body.append(text(WIDTH / 2, height - 16, "数据：Radford 等（2019），GPT-2 论文表 3，零样本（zero-shot）结果",
                     25, SERIF, "normal", "middle", MUTED))
    return svg(height, body, "GPT-2 零样本表现随参数量的变化：LAMBADA、CBT-CN、CBT-NE 准确率上升，WikiText2 困惑度下降")


def parameters():
    height = 500
    left, right = 150, 1040
    top = 40
    bar_h, gap = 70, 50
    lo, hi = 7, 12  # 10^7 … 10^12
    x_of = lambda v: left + (math.log10(v) - lo) / (hi - lo) * (right - left)
    grid_labels = {7: "1000 万", 8: "1 亿", 9: "10 亿", 10: "100 亿", 11: "1000 亿", 12: "1 万亿"}
    axis_y = top + len(PARAMETERS) * (bar_h + gap)
    body = []
    for e in range(lo, hi + 1):
        x = x_of(10 ** e)
        body.append(line(x, top - 20, x, axis_y, GRID, 1.5))
        body.append(text(x, axis_y + 36, grid_labels[e], 26, SERIF, "normal", "middle", MUTED))
    body.append(line(left, axis_y, right, axis_y, INK, 2))
    for i, (name, value, label) in enumerate(PARAMETERS):
        y = top + i * (bar_h + gap)
        colour = ACCENT if name == "GPT-3" else "#4f7cac"
        body.append(f'<rect x="{left}" y="{y}" width="{x_of(value) - left:.1f}" height="{bar_h}" fill="{colour}"/>')
        body.append(text(left - 18, y + bar_h / 2 + 12, name, 32, SANS, "bold", "end", INK))
        body.append(text(x_of(value) + 14, y + bar_h / 2 + 11, label, 30, SANS, "bold", "start", colour))
    body.append(text((left + right) / 2, axis_y + 82, "参数量（对数坐标：每一格是前一格的 10 倍）", 27, SANS, "bold", "middle", MUTED))
    return svg(height, body, "GPT-1、GPT-2、GPT-3 参数量对比（对数坐标）：约 1.17 亿、15 亿、1750 亿")


def rlhf():
    height = 530
    box_w, box_h, top = 350, 310, 40
    xs = [25, 425, 825]
    body = [ARROW]
    for (step, title, lines, result), x in zip(RLHF_STEPS, xs):
        body.append(f'<rect x="{x}" y="{top}" width="{box_w}" height="{box_h}" rx="18" fill="#f3f7fa" '
                    f'stroke="{ACCENT}" stroke-width="3"/>')
        body.append(f'<rect x="{x}" y="{top}" width="{box_w}" height="86" rx="18" fill="{ACCENT}"/>')
        body.append(f'<rect x="{x}" y="{top + 60}" width="{box_w}" height="26" fill="{ACCENT}"/>')
        body.append(text(x + box_w / 2, top + 36, step, 26, SANS, "bold", "middle", "#ffffff"))
        body.append(text(x + box_w / 2, top + 72, title, 32, SANS, "bold", "middle", "#ffffff"))
        for j, s in enumerate(lines):
            body.append(text(x + 24, top + 136 + j * 42, s, 27, SERIF, "normal", "start", INK))
        body.append(text(x + box_w / 2, top + box_h - 22, "→ " + result, 28, SANS, "bold", "middle", ACCENT))
    for x in xs[:2]:
        body.append(line(x + box_w + 6, top + box_h / 2, x + box_w + 44, top + box_h / 2, MUTED, 4,
                         ' marker-end="url(#arrow)"'))
    # Step 4 of the article: steps 2 and 3 iterate (more comparisons on the current best policy, a new RM).
    y = top + box_h + 20
    loop_x2, loop_x3 = xs[1] + box_w / 2, xs[2] + box_w / 2
    body.append(f'<path d="M{loop_x3:.1f},{y} L{loop_x3:.1f},{y + 60} L{loop_x2:.1f},{y + 60} L{loop_x2:.1f},{y + 8}" '
                f'fill="none" stroke="{MUTED}" stroke-width="4" stroke-dasharray="12 8" marker-end="url(#arrow)"/>')
    body.append(text((loop_x2 + loop_x3) / 2, y + 104, "步骤 2 和 3 可以不断迭代：在当前最佳策略上", 27, SERIF, "normal", "middle", INK))
    body.append(text((loop_x2 + loop_x3) / 2, y + 142, "收集更多比较数据，训练新的奖励模型", 27, SERIF, "normal", "middle", INK))
    return svg(height, body, "RLHF 三个步骤：监督微调，训练奖励模型，用 PPO 针对奖励模型优化策略；步骤 2 和 3 可迭代")


def exams():
    height = 620
    left, right = 330, 1010
    top, row_h, bar_h = 100, 120, 36
    x_of = lambda fraction: left + fraction * (right - left)
    axis_y = top + len(EXAMS) * row_h
    body = []
    for p in range(0, 101, 20):
        x = x_of(p / 100)
        body.append(line(x, top - 10, x, axis_y, GRID, 1.5))
        body.append(text(x, axis_y + 34, f"{p}%", 25, SERIF, "normal", "middle", MUTED))
    for i, (label, colour) in enumerate([("GPT-4", ACCENT), ("GPT-3.5", SECOND)]):
        x = left + i * 200
        body.append(f'<rect x="{x}" y="{top - 62}" width="30" height="24" fill="{colour}"/>')
        body.append(text(x + 42, top - 41, label, 26, SANS, "bold", "start", INK))
    for i, (exam, detail, maximum, gpt4, gpt35) in enumerate(EXAMS):
        y = top + i * row_h + 12
        body.append(text(left - 20, y + 34, exam, 28, SANS, "bold", "end", INK))
        body.append(text(left - 20, y + 70, detail, 25, SERIF, "normal", "end", MUTED))
        for j, (score, colour) in enumerate([(gpt4, ACCENT), (gpt35, SECOND)]):
            by = y + j * (bar_h + 6)
            body.append(f'<rect x="{left}" y="{by}" width="{x_of(score / maximum) - left:.1f}" height="{bar_h}" fill="{colour}"/>')
            body.append(text(x_of(score / maximum) + 12, by + bar_h - 9, f"{score} / {maximum}", 27, SERIF, "bold",
                             "start", ACCENT if j == 0 else MUTED))
    body.append(line(left, top - 10, left, axis_y, INK, 2))
    body.append(text((left + right) / 2, axis_y + 74, "条形长度 = 得分 ÷ 该考试满分", 27, SANS, "bold", "middle", MUTED))
    body.append(text(WIDTH / 2, height - 24, "OpenAI 报告的数据（GPT-4 技术报告，2023，表 1）；LSAT 为不含视觉输入的 GPT-4 成绩",
                     25, SERIF, "normal", "middle", MUTED))
    return svg(height, body, "GPT-4 与 GPT-3.5 的考试成绩（OpenAI 报告的数据）：UBE 298/400 对 213/400，SAT 1410 对 1260，LSAT 161 对 149")


FIGURES = {
    "Untitled.svg": timeline,
    "Untitled 1.svg": gpt2_zero_shot,
    "Untitled 2.svg": parameters,
    "Untitled 3.svg": rlhf,
    "Untitled 4.svg": exams,
}

if __name__ == "__main__":
    for name, draw in FIGURES.items():
        (HERE / name).write_text(draw(), encoding="utf-8")
        print("wrote", name)
