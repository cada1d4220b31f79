import SkillCore
import SkillDesk
import TermUI

/// The claim lists' `/` search and status choice (issue 12). The search is the use case's
/// (`Session.claimSearch`: number, name or ID prefix, paged by key in the store, a clerk's own
/// claims only); the screen keeps the text, the status and where each page started.
extension ClaimListScreen {
    /// `/`, `s`, F8, the page keys and Esc while a search is shown; nil for the list's own keys.
    func handleSearchKey(_ key: Key, _ ctx: ScreenContext) -> [Effect]? {
        switch key {
        case .char("/"):
            overlay = .search(TextPrompt(title: ctx.lang[.claimSearchTitle], hint: ctx.lang[.claimSearchHint],
                                         maxLength: 40, required: false))
            return []
        case .char("s"):
            var items = Self.statuses(mode).map { ($0.rawValue, $0.label(ctx.lang)) }
            if search != nil { items.insert(("*", ctx.lang[.allStatuses]), at: 0) }
            var l = PromptList(title: ctx.lang[.claimStatusTitle], items: items)
            l.maxCodeWidth = 10
            overlay = .status(l)
            return []
        default:
            break
        }
        guard var search else { return nil }
        switch key {
        case .escape, .function(12) where options.isEmpty:
            self.search = nil
            refilter()
            return []
        case .function(8):
            // All statuses, then each status the role may read, then all again.
            let all: [ClaimStatus?] = [nil] + Self.statuses(mode).map(Optional.some)
            let i = all.firstIndex(of: search.status) ?? 0
            search.status = all[(i + 1) % all.count]
            self.search = search
            options = [:]
            refilter()
            return []
        case .pageDown:
            if hasMore, let next = search.next {
                search.starts.append(next)
                self.search = search
                offset += visibleRows; selected = 0; needsQuery = true
            }
            return []
        case .down where selected + 1 >= items.count:
            return handleSearchKey(.pageDown, ctx)
        case .pageUp:
            if search.starts.count > 1 {
                search.starts.removeLast()
                self.search = search
                offset = max(0, offset - visibleRows); selected = 0; needsQuery = true
            }
            return []
        case .function(4), .function(6), .function(7), .char("w"), .function(9), .function(10):
            // The search is by number, name or ID; the list's filters apply to the list.
            return []
        default:
            return nil
        }
    }

    /// The search prompt and the status list.
    func handleSearchModal(_ key: Key, _ ctx: ScreenContext) -> [Effect] {
        switch overlay {
        case var .search(p)?:
            switch p.handle(key) {
            case .none: overlay = .search(p)
            case .cancelled: overlay = nil
            case let .entered(text):
                if text.trimmedWhitespace().isEmpty {
                    overlay = nil
                    if search != nil { search = nil; refilter() }
                    return []
                }
                guard let term = ClaimSearchTerm.parse(text) else {
                    p.problem = ctx.lang[.claimSearchNothing]
                    overlay = .search(p)
                    return []
                }
                overlay = nil
                options = [:]
                search = SearchState(text: text.trimmedWhitespace(), term: term, status: search?.status)
                refilter()
            }
        case var .status(l)?:
            switch l.handle(key) {
            case .none: overlay = .status(l)
            case .cancelled: overlay = nil
            case let .chosen(codes):
                overlay = nil
                let chosen = codes.first.flatMap { ClaimStatus(rawValue: $0) }
                options = [:]
                if search != nil {
                    search?.status = chosen
                } else if let chosen {
                    filter.status = chosen
                }
                refilter()
            }
        default:
            break
        }
        return []
    }

    /// One page of the search, from where the page shown starts.
    func runSearch(_ s: Session, _ ctx: ScreenContext) {
        guard let search else { return }
        do {
            let page = try s.claimSearch(search.term, status: search.status, after: search.starts.last ?? nil,
                                         limit: max(1, visibleRows))
            items = page.items
            hasMore = page.hasMore
            self.search?.next = page.next
            errorText = nil
        } catch {
            items = []
            hasMore = false
            errorText = describe(error, ctx.lang)
        }
        selected = min(selected, max(0, items.count - 1))
    }
}
