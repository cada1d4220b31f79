import Foundation
import Testing
import SkillCore
import SkillDesk
@testable import SkillScreens
import TermUI

/// Issue 11, item 5: a screen holds at most one overlay, and slow work is an effect the run loop
/// carries out after a "working…" frame, with a progress line.
@Suite struct TUIStateTests {
    // MARK: one overlay at a time

    /// F4 opens the kind list; F9 and F6 (which would open the amount and institution prompts)
    /// then go to the open list, which ignores them: there is still one overlay, the list.
    @Test func aKeyThatWouldOpenASecondOverlayGoesToTheOpenOne() throws {
        let f = try Fixture()
        let ctx = f.context()
        let screen = ClaimListScreen(mode: .mine, ctx: ctx)
        let d = Driver(ctx, root: screen)
        d.press(.function(4))
        guard case .kinds? = screen.overlay else { Issue.record("F4 opens the kind list: \(String(describing: screen.overlay))"); return }
        let withList = d.text
        #expect(withList.contains("选择补贴类别") || withList.contains(ctx.lang[.claimChooseKind]))
        d.press(.function(9))
        d.press(.function(6))
        guard case .kinds? = screen.overlay else { Issue.record("F9/F6 went past the list: \(String(describing: screen.overlay))"); return }
        #expect(d.text == withList)
        #expect(!d.text.contains(ctx.lang[.minAmountTitle]) && !d.text.contains(ctx.lang[.institutionFilterTitle]))
        // Typing goes to the list's filter, not to the option column under it.
        d.press(.char("5"))
        guard case let .kinds(list)? = screen.overlay else { Issue.record("the list closed"); return }
        #expect(list.filter == "5")
        // Once it is closed, F9 opens the amount prompt — and then F4 goes to the prompt.
        d.press(.escape)
        #expect(screen.overlay == nil)
        d.press(.function(9))
        guard case .minAmount? = screen.overlay else { Issue.record("F9 opens the amount prompt"); return }
        d.press(.function(4))
        guard case .minAmount? = screen.overlay else { Issue.record("F4 went past the prompt"); return }
        #expect(d.text.contains(ctx.lang[.minAmountTitle]) && !d.text.contains(ctx.lang[.claimChooseKind]))
    }

    /// The frame's own overlay: with F1 help open, keys go to the help, not to the screen.
    @Test func helpTakesTheKeysWhileOpen() throws {
        let f = try Fixture()
        let ctx = f.context()
        let screen = ClaimListScreen(mode: .mine, ctx: ctx)
        let d = Driver(ctx, root: screen)
        d.press(.function(1))
        d.press(.function(4))
        #expect(screen.overlay == nil)
        #expect(d.app.overlay != nil)
        d.press(.escape)
        #expect(d.app.overlay == nil)
        d.press(.function(4))
        guard case .kinds? = screen.overlay else { Issue.record("F4 opens the kind list once help is closed"); return }
    }

    // MARK: slow work

    /// A screen whose "w" key asks for slow work that reports progress three times.
    final class WorkScreen: Screen {
        var prepared = 0
        var ran = 0
        /// What the frame looked like when the work started (set through `frameAtStart`).
        var frameAtStart: (() -> String)?
        var seenAtStart: String?
        let reports: Int

        init(reports: Int = 3) { self.reports = reports }

        func title(_ ctx: ScreenContext) -> String { "work" }
        func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] { [] }
        func prepare(_ ctx: ScreenContext, body: Rect) { prepared += 1 }
        func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {
            canvas.put("ran \(ran)", x: 1, y: body.y)
        }
        func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
            switch key {
            case .char("w"):
                return [.work(Work(title: "Working on it…") { [self] progress in
                    seenAtStart = frameAtStart?()
                    for i in 1...reports { progress.report(done: i, total: reports) }
                    ran += 1
                    return [.message("done \(ran)", .ok)]
                })]
            case .char("x"):
                // Work asked for by a screen that leaves at once is not run.
                return [.work(Work(title: "never") { [self] _ in ran += 100; return [] }), .pop]
            default:
                return []
            }
        }
    }

    /// The run loop's order: a frame saying the work runs, then the work (redrawing its progress
    /// without reloading the screen), then the result on the message line.
    @Test func theRunLoopDrawsAWorkingFrameThenRunsTheWorkWithProgress() throws {
        let f = try Fixture()
        let ctx = f.context()
        let screen = WorkScreen()
        let d = Driver(ctx, root: screen)
        screen.frameAtStart = { d.deferredFrames.last ?? "" }
        d.press(.char("w"))
        #expect(d.deferredFrames.count == 1)
        let working = try #require(d.deferredFrames.first)
        #expect(working.contains("Working on it…"))
        #expect(working.contains("ran 0"))          // drawn before the work ran
        #expect(screen.seenAtStart == working)      // and the work started after that frame
        #expect(screen.ran == 1)
        // Each report redrew the frame (the test redraws every report): title and progress.
        #expect(d.progressFrames.count == 3)
        for (i, frame) in d.progressFrames.enumerated() {
            let line = frame.components(separatedBy: "\n")[d.height - 2]
            #expect(line.contains("Working on it…") && line.contains("\(i + 1) / 3"), "\(line)")
        }
        // Progress frames do not reload the screen's data (no `prepare` while the work runs).
        let preparedBefore = screen.prepared
        _ = d.app.render(width: d.width, height: d.height)
        #expect(screen.prepared == preparedBefore + 1)
        #expect(d.messageRow.contains("done 1") && !d.messageRow.contains("Working"))
        #expect(!d.app.hasDeferredWork)
    }

    /// Slow work run by the loop is logged as one operation when it passes the operator log's
    /// threshold (1 s), with its seconds; quicker work is not.
    @Test func slowWorkIsLoggedPastTheThreshold() {
        #expect(App.slowWork(.milliseconds(1500)) == "1.500")
        #expect(App.slowWork(.milliseconds(900)) == nil)
    }

    /// Progress redraws are throttled: reports closer together than the interval draw nothing
    /// more, and a report from another thread never draws (curses stays on one thread).
    @Test func progressRedrawsAreThrottledAndStayOnTheRunLoopThread() throws {
        let f = try Fixture()
        let ctx = f.context()
        let screen = WorkScreen(reports: 50)
        let app = App(ctx: ctx, root: screen)
        _ = app.render(width: 100, height: 30)
        app.handle(.char("w"))
        #expect(app.hasDeferredWork)
        var redraws = 0
        app.runDeferred(redrawInterval: .seconds(3600)) { redraws += 1 }
        #expect(redraws == 0 && screen.ran == 1)

        var fromThread = 0
        var seen: String?
        app.handle(.char("y"))   // no work: nothing to run
        #expect(!app.hasDeferredWork)
        let threaded = ThreadedWorkScreen()
        let app2 = App(ctx: ctx, root: threaded)
        app2.handle(.char("w"))
        app2.runDeferred(redrawInterval: .zero) {
            fromThread += 1
            seen = app2.render(width: 100, height: 30).rowText(28)
        }
        #expect(fromThread == 1, "only the report made on the run loop's thread redraws")
        #expect(seen?.contains("7 / 9") == true, "\(seen ?? "")")   // the latest figure, including the other thread's
    }

    /// Reports 7/9 from another thread, then "7 / 9" again from its own.
    final class ThreadedWorkScreen: Screen {
        func title(_ ctx: ScreenContext) -> String { "threaded" }
        func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] { [] }
        func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {}
        func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
            [.work(Work(title: "threads") { progress in
                let done = DispatchSemaphore(value: 0)
                Thread.detachNewThread {
                    progress.report(done: 7, total: 9)
                    done.signal()
                }
                done.wait()
                #expect(progress.text == "7 / 9")
                progress.report(progress.text ?? "")
                return []
            })]
        }
    }

    /// Work whose screen left the stack before the working frame was drawn is dropped.
    @Test func workOfAScreenThatLeftIsNotRun() throws {
        let f = try Fixture()
        let ctx = f.context()
        let root = WorkScreen()
        let leaving = WorkScreen()
        let app = App(ctx: ctx, root: root)
        app.apply([.push(leaving)])
        app.handle(.char("x"))
        #expect(app.top === root)
        #expect(!app.hasDeferredWork)
        app.runDeferred()
        #expect(leaving.ran == 0 && root.ran == 0)
    }

    /// The real slow work of a screen goes the same way: approving marked claims in the queue
    /// shows "正在批准 1 件申请…" before the approval is written.
    @Test func batchApprovalIsSlowWorkWithAWorkingFrame() throws {
        let w = try ClaimScreenWorld()
        let a = try w.submitted(ClaimScreenWorld.zhangWei)
        let ctx = w.context(w.sup)
        let d = Driver(ctx, root: ClaimListScreen(mode: .queue, ctx: ctx))
        d.type("1")
        d.press(.enter)
        #expect(d.deferredFrames.isEmpty)
        d.press(.enter)
        #expect(d.deferredFrames.count == 1)
        #expect(d.deferredFrames[0].contains("正在批准 1 件申请…"))
        #expect(d.messageRow.contains("已批准 1 个"))
        #expect(try w.status(a.id) == "on_notice")
    }
}

/// A message wider than its row (a long refusal at 80 columns) is never cut silently: the row ends
/// with "… F1", and F1's list opens with the whole message (issue 12: nothing a clerk must read is
/// lost at the right edge).
@Suite struct LongMessageTests {
    final class SayScreen: Screen {
        let text: String
        init(_ text: String) { self.text = text }
        func title(_ ctx: ScreenContext) -> String { "say" }
        func footer(_ ctx: ScreenContext) -> [(key: String, label: String)] { [("F3", ctx.lang[.keyBack])] }
        func draw(into canvas: inout Canvas, body: Rect, _ ctx: ScreenContext) {}
        func handle(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
            key == .char("m") ? [.message(text, .error)] : []
        }
    }

    @Test func aLongMessageEndsWithF1AndF1ShowsItWhole() throws {
        let f = try Fixture()
        let long = "培训班 12（电工 中级工）当日最多还能记 2 小时：该劳动者 2025-03-03 已在培训班 7（焊工 初级工，南京某培训学校）记 22 小时，一天合计不能超过 24 小时"
        let short = "已保存"
        for (width, height) in [(80, 24), (100, 30)] {
            let ctx = f.context()
            let d = Driver(ctx, root: SayScreen(long), width: width, height: height)
            d.press(.char("m"))
            let row = d.messageRow
            #expect(TextWidth.of(row) <= width, "\(row)")
            #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix("… F1"), "\(row)")
            #expect(row.hasPrefix(" 培训班 12（电工 中级工）当日最多还能记 2 小时"), "\(row)")
            d.press(.function(1))
            // The list wraps the whole message; its end (cut from the row) is on the screen.
            let text = d.text.replacingOccurrences(of: "│", with: "").replacingOccurrences(of: " ", with: "")
                .replacingOccurrences(of: "\n", with: "")
            #expect(text.contains("消息全文："), "\(d.text)")
            #expect(text.contains("一天合计不能超过24小时"), "\(d.text)")
        }
        // A message that fits is shown as it is, and F1 does not repeat it.
        let ctx = f.context()
        let d = Driver(ctx, root: SayScreen(short), width: 80, height: 24)
        d.press(.char("m"))
        #expect(d.messageRow.trimmingCharacters(in: .whitespaces) == short)
        d.press(.function(1))
        #expect(!d.text.contains("消息全文"))
    }
}
